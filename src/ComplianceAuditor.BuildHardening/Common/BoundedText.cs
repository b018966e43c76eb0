using System.Text;

namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>
/// A build file split into lines with every size bounded, so that each later pass over it is bounded too:
/// at most <see cref="MaxChars"/> characters, <see cref="MaxLines"/> lines of <see cref="MaxLineLength"/> characters.
/// </summary>
internal sealed class BoundedText
{
    public const int MaxChars = 1 << 20;
    public const int MaxLines = 50_000;
    public const int MaxLineLength = 8_192;

    private BoundedText(string[] lines, bool truncated)
    {
        Lines = lines;
        Truncated = truncated;
    }

    /// <summary>Line N of the file is <c>Lines[N - 1]</c>, without its end-of-line characters.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>True when characters, lines or line tails were dropped to stay in bounds.</summary>
    public bool Truncated { get; }

    public static BoundedText From(string? text)
    {
        text ??= string.Empty;
        var truncated = text.Length > MaxChars;
        var span = truncated ? text.AsSpan(0, MaxChars) : text.AsSpan();
        var lines = new List<string>();
        while (lines.Count < MaxLines)
        {
            var end = span.IndexOf('\n');
            var line = (end < 0 ? span : span[..end]).TrimEnd('\r');
            if (line.Length > MaxLineLength)
            {
                line = line[..MaxLineLength];
                truncated = true;
            }

            lines.Add(line.ToString());
            if (end < 0)
            {
                break;
            }

            span = span[(end + 1)..];
        }

        truncated |= lines.Count == MaxLines && span.IndexOf('\n') >= 0;
        return new BoundedText([.. lines], truncated);
    }

    /// <summary>The text of at most 1 MiB of bytes, or null when they look binary (a NUL byte).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        var kept = bytes.Length > MaxChars ? bytes[..MaxChars] : bytes;
        return kept.Contains((byte)0) ? null : Encoding.UTF8.GetString(kept);
    }
}
