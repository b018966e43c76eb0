using ComplianceAuditor.Formats.Common;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Motorola S-record lines: <c>S</c>, a type digit, a count of the bytes that follow, the address (2, 3 or 4 bytes
/// by type), data, and a checksum that is the one's complement of the low byte of the sum of count, address and
/// data. S0 header, S1/S2/S3 data, S5/S6 record count, S7/S8/S9 start address.
/// </summary>
internal sealed class SRecordSyntax : IHexRecordSyntax
{
    public static SRecordSyntax Instance { get; } = new();

    public string FormatName => "srec";

    public HexRecord Decode(ReadOnlySpan<byte> line, long lineNumber, ref long baseAddress, Span<byte> data)
    {
        line = HexDigits.Trim(line);
        if (line.IsEmpty)
        {
            return default;
        }

        if (line.Length < 2 || line[0] is not ((byte)'S' or (byte)'s') || line[1] is < (byte)'0' or > (byte)'9')
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} does not start with S0..S9");
        }

        var type = line[1] - '0';
        Span<byte> raw = stackalloc byte[260];
        var n = HexDigits.Decode(line[2..], raw, FormatName, lineNumber);
        var addressSize = type switch
        {
            0 or 1 or 5 or 9 => 2,
            2 or 6 or 8 => 3,
            3 or 7 => 4,
            _ => throw Fail.Malformed(FormatName, $"line {lineNumber} has the reserved record type S{type}"),
        };
        if (n < 2 + addressSize || n != raw[0] + 1)
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} has {n} bytes where its count field needs {(n < 1 ? 2 + addressSize : raw[0] + 1)}");
        }

        byte sum = 0;
        foreach (var b in raw[..(n - 1)])
        {
            sum += b;
        }

        if ((byte)~sum != raw[n - 1])
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} has a bad checksum 0x{raw[n - 1]:x2} (expected 0x{(byte)~sum:x2})");
        }

        long address = 0;
        for (var i = 0; i < addressSize; i++)
        {
            address = (address << 8) | raw[1 + i];
        }

        var payload = raw[(1 + addressSize)..(n - 1)];
        switch (type)
        {
            case 0:
                payload.CopyTo(data);
                return new HexRecord(HexRecordKind.Header, 0, payload.Length, 0);
            case 1 or 2 or 3:
                payload.CopyTo(data);
                return new HexRecord(HexRecordKind.Data, address, payload.Length, 0);
            case 5 or 6:
                return new HexRecord(HexRecordKind.Count, 0, 0, address);
            default:
                return new HexRecord(HexRecordKind.StartAddress, 0, 0, address);
        }
    }
}
