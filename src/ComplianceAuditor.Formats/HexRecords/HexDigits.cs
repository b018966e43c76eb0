using ComplianceAuditor.Formats.Common;

namespace ComplianceAuditor.Formats.HexRecords;

internal static class HexDigits
{
    /// <summary>Decodes pairs of hex digits into <paramref name="bytes"/>; returns how many bytes, or throws naming the line.</summary>
    public static int Decode(ReadOnlySpan<byte> text, Span<byte> bytes, string format, long lineNumber)
    {
        if (text.Length % 2 != 0)
        {
            throw Fail.Malformed(format, $"line {lineNumber} has an odd number of hex digits");
        }

        var n = text.Length / 2;
        if (n > bytes.Length)
        {
            throw Fail.Malformed(format, $"line {lineNumber} is longer than a record can be");
        }

        for (var i = 0; i < n; i++)
        {
            var hi = Value(text[2 * i]);
            var lo = Value(text[(2 * i) + 1]);
            if (hi < 0 || lo < 0)
            {
                throw Fail.Malformed(format, $"line {lineNumber} has a character that is not a hex digit");
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        return n;
    }

    private static int Value(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Drops spaces and tabs around a line; record files from some tools carry them.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Trim(" \t"u8);
}
