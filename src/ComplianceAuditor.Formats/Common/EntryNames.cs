using System.Text;

namespace ComplianceAuditor.Formats.Common;

/// <summary>
/// File names that readers make up from header fields (an image name, a partition label, a device-tree node name).
/// Those fields are free text in the firmware, so they are reduced to a safe single path component here: the
/// driver validates paths anyway, but a reader must not itself invent separators or <c>..</c>.
/// </summary>
internal static class EntryNames
{
    public const int MaxComponentLength = 64;

    /// <summary>Keeps letters, digits and <c>. _ - + , @</c>; anything else becomes <c>_</c>. Empty or dot-only names get <paramref name="fallback"/>.</summary>
    public static string Sanitise(string raw, string fallback)
    {
        var sb = new StringBuilder(Math.Min(raw.Length, MaxComponentLength));
        foreach (var c in raw)
        {
            if (sb.Length == MaxComponentLength)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or ',' or '@' ? c : '_');
        }

        var name = sb.ToString();
        return name.Trim('.').Length == 0 ? fallback : name;
    }

    /// <summary>Returns <paramref name="name"/>, or a variant with <paramref name="suffix"/> when it was already used.</summary>
    public static string Unique(ISet<string> used, string name, string suffix)
    {
        if (used.Add(name))
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var extension = dot > 0 ? name[dot..] : string.Empty;
        for (var i = 0; ; i++)
        {
            var candidate = i == 0 ? $"{stem}-{suffix}{extension}" : $"{stem}-{suffix}-{i}{extension}";
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Decodes a fixed-size, NUL-padded text field; stops at the first NUL.</summary>
    public static string FixedField(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var text = end >= 0 ? field[..end] : field;
        var sb = new StringBuilder(text.Length);
        foreach (var b in text)
        {
            // These fields are ASCII in every real image; anything else is shown as '?' rather than guessed at.
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return sb.ToString();
    }
}
