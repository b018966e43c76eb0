using ComplianceAuditor.Formats.Common;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Intel HEX lines: <c>:LLAAAATT</c>, data, checksum (the two's complement of the byte sum, so all bytes of a line
/// add up to 0). Types 00 data, 01 end, 02 extended segment address (base = value × 16), 03 start segment address
/// (CS:IP), 04 extended linear address (base = value × 65536), 05 start linear address.
/// </summary>
internal sealed class IntelHexSyntax : IHexRecordSyntax
{
    public static IntelHexSyntax Instance { get; } = new();

    public string FormatName => "ihex";

    public HexRecord Decode(ReadOnlySpan<byte> line, long lineNumber, ref long baseAddress, Span<byte> data)
    {
        line = HexDigits.Trim(line);
        if (line.IsEmpty)
        {
            return default;
        }

        if (line[0] != (byte)':')
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} does not start with ':'");
        }

        Span<byte> raw = stackalloc byte[260];
        var n = HexDigits.Decode(line[1..], raw, FormatName, lineNumber);
        if (n < 5 || n != raw[0] + 5)
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} has {n} bytes where its length field needs {(n < 1 ? 5 : raw[0] + 5)}");
        }

        byte sum = 0;
        foreach (var b in raw[..n])
        {
            sum += b;
        }

        if (sum != 0)
        {
            throw Fail.Malformed(FormatName, $"line {lineNumber} has a bad checksum 0x{raw[n - 1]:x2} (expected 0x{(byte)(raw[n - 1] - sum):x2})");
        }

        var length = raw[0];
        var address = (raw[1] << 8) | raw[2];
        var payload = raw.Slice(4, length);
        switch (raw[3])
        {
            case 0x00:
                payload.CopyTo(data);
                return new HexRecord(HexRecordKind.Data, baseAddress + address, length, 0);
            case 0x01:
                return new HexRecord(HexRecordKind.End, 0, 0, 0);
            case 0x02:
                baseAddress = (long)Word(payload, lineNumber) << 4;
                return default;
            case 0x04:
                baseAddress = (long)Word(payload, lineNumber) << 16;
                return default;
            case 0x03:
                // CS:IP, reported as the linear address the 8086 would run from.
                var cs = (payload.Length == 4 ? (payload[0] << 8) | payload[1] : throw BadLength(lineNumber));
                var ip = (payload[2] << 8) | payload[3];
                return new HexRecord(HexRecordKind.StartAddress, 0, 0, ((long)cs << 4) + ip);
            case 0x05:
                if (payload.Length != 4)
                {
                    throw BadLength(lineNumber);
                }

                return new HexRecord(HexRecordKind.StartAddress, 0, 0, ((long)payload[0] << 24) | ((long)payload[1] << 16) | ((long)payload[2] << 8) | payload[3]);
            default:
                throw Fail.Malformed(FormatName, $"line {lineNumber} has unknown record type 0x{raw[3]:x2}");
        }
    }

    private int Word(ReadOnlySpan<byte> payload, long lineNumber) =>
        payload.Length == 2 ? (payload[0] << 8) | payload[1] : throw BadLength(lineNumber);

    private Unpacking.UnpackException BadLength(long lineNumber) =>
        Fail.Malformed(FormatName, $"line {lineNumber} has the wrong data length for its record type");
}
