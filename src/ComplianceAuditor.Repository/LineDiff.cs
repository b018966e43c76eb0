using System.Text;

namespace ComplianceAuditor.Repository;

/// <summary>
/// What a new version of a text file adds to the old one: the lines of the new version that the old version does not
/// hold anywhere, with their line numbers in the new version. A line only moved, or repeated from elsewhere in the old
/// file, adds no content, so it is not reported again; for finding secrets that is what matters, and it costs one pass
/// over each version instead of a full diff. Lines are compared as bytes (hashed with the runtime's per-process
/// randomised hash, then compared exactly), and only the added ones are decoded.
/// </summary>
internal static class LineDiff
{
    private static readonly byte[] Begin = "-----BEGIN "u8.ToArray();
    private static readonly byte[] End = "-----END "u8.ToArray();

    public static List<AddedLine> Added(byte[]? old, byte[] current)
    {
        var lines = Lines(current);
        var known = new HashSet<ReadOnlyMemory<byte>>(LineComparer.Instance);
        if (old is not null)
        {
            foreach (var (start, length) in Lines(old))
            {
                known.Add(old.AsMemory(start, length));
            }
        }

        var added = new List<AddedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsNew(i))
            {
                added.Add(Decode(i));
            }
            else if (IsArmour(Line(i)) && (IsNew(i - 1) || IsNew(i + 1)))
            {
                // A key rotated in place keeps its BEGIN and END lines: without them the new key's body is just base64,
                // which no key rule recognises. The armour lines beside added lines go with them.
                added.Add(Decode(i));
            }
        }

        return added;

        ReadOnlyMemory<byte> Line(int index) => current.AsMemory(lines[index].Start, lines[index].Length);

        bool IsNew(int index) => index >= 0 && index < lines.Count && !known.Contains(Line(index));

        AddedLine Decode(int index) => new(index + 1, Encoding.UTF8.GetString(Line(index).Span));
    }

    /// <summary>git's own test: a NUL byte in the first 8000 bytes makes a blob binary.</summary>
    public static bool LooksBinary(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0);

    /// <summary>Where each line starts and how long it is without its LF (and a CR before it); no empty last line.</summary>
    private static List<(int Start, int Length)> Lines(byte[] content)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < content.Length)
        {
            var end = content.AsSpan(start).IndexOf((byte)'\n');
            var stop = end < 0 ? content.Length : start + end;
            var length = stop - start;
            if (length > 0 && content[stop - 1] == '\r')
            {
                length--;
            }

            lines.Add((start, length));
            start = stop + 1;
        }

        return lines;
    }

    /// <summary>The first or last line of a PEM, OpenSSH or PGP armoured block.</summary>
    private static bool IsArmour(ReadOnlyMemory<byte> line) => line.Span.StartsWith(Begin) || line.Span.StartsWith(End);

    private sealed class LineComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static LineComparer Instance { get; } = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }
}
