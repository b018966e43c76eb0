using System.Buffers;
using System.Text;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>
/// Finds every occurrence of a set of ASCII strings in bytes with .NET's vectorised multi-string search, which works
/// on characters: the bytes are widened a window at a time (Latin-1, one character per byte, so positions carry
/// over). Both login searches start from here and check token boundaries at each position themselves.
/// </summary>
internal static class WidenedSearch
{
    private const int Window = 64 << 10;

    /// <summary>Calls <paramref name="onMatch"/> with the byte position of each occurrence that starts in [from, to).</summary>
    /// <param name="longest">The longest of the strings: how far a window reads past its end so no occurrence is cut.</param>
    public static void ForEach(ReadOnlySpan<byte> data, int from, int to, SearchValues<string> strings, int longest, MatchHandler onMatch)
    {
        var chars = ArrayPool<char>.Shared.Rent(Window + longest);
        try
        {
            for (var window = from; window < to; window += Window)
            {
                var windowEnd = Math.Min(to, window + Window);
                var length = Encoding.Latin1.GetChars(data[window..Math.Min(data.Length, windowEnd + longest)], chars);
                var text = chars.AsSpan(0, length);
                for (int at = 0, i; (i = text[at..].IndexOfAny(strings)) >= 0; at += i + 1)
                {
                    var position = window + at + i;
                    if (position >= windowEnd)
                    {
                        break;
                    }

                    onMatch(data, position);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public delegate void MatchHandler(ReadOnlySpan<byte> data, int position);
}
