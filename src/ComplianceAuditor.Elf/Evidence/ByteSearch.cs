namespace ComplianceAuditor.Elf.Evidence;

/// <summary>Every occurrence of a byte sequence in a file (for key material, magic numbers, literal credentials).</summary>
public static class ByteSearch
{
    public static IReadOnlyList<long> FindAll(ReadOnlySpan<byte> data, ReadOnlySpan<byte> pattern, int maxCount = 10_000)
    {
        var offsets = new List<long>();
        if (pattern.IsEmpty)
        {
            return offsets;
        }

        var from = 0;
        while (offsets.Count < maxCount)
        {
            var at = data[from..].IndexOf(pattern);
            if (at < 0)
            {
                break;
            }

            offsets.Add(from + at);
            from += at + 1;
        }

        return offsets;
    }
}
