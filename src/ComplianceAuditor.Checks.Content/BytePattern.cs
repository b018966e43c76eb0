using System.Globalization;

namespace ComplianceAuditor.Checks.Content;

/// <summary>A byte sequence with optional wildcard positions, searched through its longest literal run.</summary>
internal sealed class BytePattern
{
    public const int MaxLength = 4096;

    private readonly byte[] _bytes;
    private readonly bool[] _wildcard;
    private readonly int _anchorStart;
    private readonly int _anchorLength;

    private BytePattern(string name, byte[] bytes, bool[] wildcard)
    {
        Name = name;
        _bytes = bytes;
        _wildcard = wildcard;
        (_anchorStart, _anchorLength) = LongestLiteralRun(wildcard);
    }

    public string Name { get; }

    public int Length => _bytes.Length;

    /// <summary>The longest run of literal bytes, which the search looks for first.</summary>
    public int AnchorLength => _anchorLength;

    /// <summary>The first bytes of the anchor: patterns that share them are searched for together.</summary>
    public ReadOnlyMemory<byte> AnchorPrefix(int length) => _bytes.AsMemory(_anchorStart, Math.Min(length, _anchorLength));

    /// <summary>Where a match would start if its anchor began at <paramref name="anchorOffset"/>.</summary>
    public int StartFor(int anchorOffset) => anchorOffset - _anchorStart;

    /// <summary>True when the whole pattern matches at <paramref name="start"/> (bounds checked).</summary>
    public bool IsMatchAt(ReadOnlySpan<byte> data, int start) =>
        start >= 0 && start + _bytes.Length <= data.Length && MatchesAt(data, start);

    public static BytePattern FromAscii(string name, string text) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(text), new bool[System.Text.Encoding.UTF8.GetByteCount(text)]);

    /// <summary>Parses <c>"de ad ?? ef"</c> (spaces optional).</summary>
    public static BytePattern FromHex(string name, string hex)
    {
        var compact = hex.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length % 2 != 0)
        {
            throw new FormatException("hex pattern has an odd number of digits");
        }

        var bytes = new byte[compact.Length / 2];
        var wildcard = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var pair = compact.Substring(i * 2, 2);
            if (pair == "??")
            {
                wildcard[i] = true;
            }
            else
            {
                bytes[i] = byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        if (wildcard.All(w => w))
        {
            throw new FormatException("hex pattern needs at least one byte that is not a wildcard");
        }

        return new BytePattern(name, bytes, wildcard);
    }

    /// <summary>Start offsets of every match in <paramref name="data"/>.</summary>
    public IEnumerable<int> FindAll(ReadOnlyMemory<byte> data)
    {
        var anchor = _bytes.AsMemory(_anchorStart, _anchorLength);
        var from = 0;
        while (true)
        {
            var found = data.Span[from..].IndexOf(anchor.Span);
            if (found < 0)
            {
                yield break;
            }

            var start = from + found - _anchorStart;
            if (start >= 0 && start + _bytes.Length <= data.Length && MatchesAt(data.Span, start))
            {
                yield return start;
            }

            from += found + 1;
        }
    }

    private bool MatchesAt(ReadOnlySpan<byte> data, int start)
    {
        for (var i = 0; i < _bytes.Length; i++)
        {
            if (!_wildcard[i] && data[start + i] != _bytes[i])
            {
                return false;
            }
        }

        return true;
    }

    private static (int Start, int Length) LongestLiteralRun(bool[] wildcard)
    {
        int bestStart = 0, bestLength = 0, runStart = 0;
        for (var i = 0; i <= wildcard.Length; i++)
        {
            if (i == wildcard.Length || wildcard[i])
            {
                if (i - runStart > bestLength)
                {
                    (bestStart, bestLength) = (runStart, i - runStart);
                }

                runStart = i + 1;
            }
        }

        return (bestStart, bestLength);
    }
}
