using Microsoft.CodeAnalysis.Text;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// Where in a file's text given names occur as whole words, found in one pass per file, so that the question "does
/// this method mention a source and a sink?" costs a binary search instead of a syntax walk per method. Comments and
/// strings count too: this only decides whether a method is worth a control-flow graph.
/// </summary>
internal sealed class NamePositions
{
    private readonly Dictionary<string, List<int>> _found = new(StringComparer.Ordinal);

    public NamePositions(string text, IEnumerable<string> names)
    {
        // Indexed by length, then filtered on the first character: most identifiers are rejected without a comparison.
        var unique = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var byLength = new string[unique.Count == 0 ? 0 : unique.Max(n => n.Length) + 1][];
        foreach (var group in unique.GroupBy(n => n.Length))
        {
            byLength[group.Key] = [.. group];
        }

        var firsts = new HashSet<char>(unique.Select(n => n[0]));
        for (var i = 0; i < text.Length;)
        {
            if (!IsIdentifierChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsIdentifierChar(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length >= byLength.Length || byLength[length] is not { } candidates || !firsts.Contains(text[start]))
            {
                continue;
            }

            foreach (var name in candidates)
            {
                if (name[0] == text[start] && string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    if (!_found.TryGetValue(name, out var positions))
                    {
                        _found[name] = positions = [];
                    }

                    positions.Add(start);
                    break;
                }
            }
        }
    }

    public bool Mentions(string name) => _found.ContainsKey(name);

    /// <summary>The sorted positions of <paramref name="names"/>, for <see cref="AnyIn"/>.</summary>
    public int[] Of(IEnumerable<string> names)
    {
        var positions = names.Distinct(StringComparer.Ordinal).SelectMany(n => _found.TryGetValue(n, out var p) ? p : []).ToArray();
        Array.Sort(positions);
        return positions;
    }

    /// <summary>Does one of <paramref name="positions"/> lie inside <paramref name="span"/>?</summary>
    public static bool AnyIn(int[] positions, TextSpan span)
    {
        var index = Array.BinarySearch(positions, span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < positions.Length && positions[index] < span.End;
    }

    private static bool IsIdentifierChar(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') < 26u || (uint)(c - '0') < 10u || c == '_' : char.IsLetterOrDigit(c);
}
