namespace ComplianceAuditor.Formats.FileSystems.Jffs2;

/// <summary>
/// The "rtime" compressor of jffs2, a tiny run-length scheme: the input is a series of (byte, count) pairs. Each
/// byte is output literally; then <c>count</c> bytes are copied from the place just after where that same byte value
/// was last output (the start of the output if it never was), which may overlap the bytes being written.
/// </summary>
internal static class Jffs2Rtime
{
    /// <summary>Fills <paramref name="output"/> completely, or returns false if the input ends or a copy overruns it.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<int> lastSeen = stackalloc int[256];
        lastSeen.Clear();
        var inPos = 0;
        var outPos = 0;
        while (outPos < output.Length)
        {
            if (inPos + 2 > input.Length)
            {
                return false;
            }

            var value = input[inPos];
            var repeat = input[inPos + 1];
            inPos += 2;
            output[outPos++] = value;
            var from = lastSeen[value];
            lastSeen[value] = outPos;
            if (repeat > output.Length - outPos)
            {
                return false;
            }

            // Byte by byte on purpose: the source may overlap the destination, repeating a short pattern.
            for (var i = 0; i < repeat; i++)
            {
                output[outPos++] = output[from++];
            }
        }

        return true;
    }
}
