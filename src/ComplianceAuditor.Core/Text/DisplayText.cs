using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Core.Text;

/// <summary>
/// Makes text that came from firmware safe to show: control characters and bidirectional overrides become visible
/// escapes (a file name could otherwise reorder a report line or hide a suffix), and long text is cut.
/// </summary>
public static class DisplayText
{
    public static string Sanitize(string value, int maxLength = 200) => Sanitize(value, maxLength, keepNewlines: false);

    /// <summary>As above; <paramref name="keepNewlines"/> keeps line breaks for multi-line prose (rule rationale).</summary>
    public static string Sanitize(string value, int maxLength, bool keepNewlines)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (sb.Length >= maxLength)
            {
                sb.Append('…');
                break;
            }

            if (rune.Value == '\t')
            {
                sb.Append(' ');
            }
            else if (rune.Value == '\n' && keepNewlines)
            {
                sb.Append('\n');
            }
            else if (IsUnsafe(rune))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    private static bool IsUnsafe(Rune rune)
    {
        if (Rune.IsControl(rune) || rune.Value == 0xFFFD)
        {
            return true;
        }

        // Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), marks (U+200E, U+200F, U+061C).
        return rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C;
    }
}
