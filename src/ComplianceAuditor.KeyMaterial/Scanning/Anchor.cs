namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>The vectorised search every finder runs: the next occurrence of a byte string starting in a chunk.</summary>
internal static class Anchor
{
    /// <summary>
    /// The position of the next <paramref name="needle"/> starting in [<paramref name="position"/>, <paramref name="to"/>),
    /// or -1. The search looks past <paramref name="to"/> just far enough to see a needle that straddles it.
    /// </summary>
    public static int Next(ReadOnlySpan<byte> data, int position, int to, ReadOnlySpan<byte> needle)
    {
        if (position >= to)
        {
            return -1;
        }

        var searchEnd = Math.Min(data.Length, to + needle.Length - 1);
        if (searchEnd - position < needle.Length)
        {
            return -1;
        }

        var hit = data[position..searchEnd].IndexOf(needle);
        return hit < 0 ? -1 : position + hit;
    }
}
