using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>Quotes pieces of hostile fields in reasons: short, and with control characters made visible.</summary>
internal static class FieldText
{
    private static readonly System.Buffers.SearchValues<char> Alphanumeric =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static string Quote(ReadOnlySpan<char> text, int max = 24)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max) + 8);
        builder.Append('\'');
        var shown = Math.Min(text.Length, max);
        for (var i = 0; i < shown; i++)
        {
            builder.Append(Describe(text[i], quoted: false));
        }

        if (text.Length > max)
        {
            builder.Append('…');
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>
    /// The shape of a field that may be a secret (a plain-text password where a hash belongs): its length and kinds of
    /// characters, never its content, because reasons reach reports whether or not secrets are shown.
    /// </summary>
    public static string Shape(ReadOnlySpan<char> text)
    {
        var kinds = new List<string>();
        if (text.ContainsAnyInRange('a', 'z'))
        {
            kinds.Add("lower-case");
        }

        if (text.ContainsAnyInRange('A', 'Z'))
        {
            kinds.Add("upper-case");
        }

        if (text.ContainsAnyInRange('0', '9'))
        {
            kinds.Add("digits");
        }

        if (text.ContainsAnyExceptInRange((char)0x21, (char)0x7E))
        {
            kinds.Add("other characters");
        }
        else if (text.IndexOfAnyExcept(Alphanumeric) >= 0)
        {
            kinds.Add("punctuation");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text.Length} characters: {string.Join(", ", kinds)}");
    }

    /// <summary>A character as a reader can see it: itself when printable ASCII, else its code point.</summary>
    public static string Describe(char c, bool quoted = true)
    {
        if (c is >= ' ' and < (char)0x7F)
        {
            return quoted ? "'" + c + "'" : c.ToString();
        }

        return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>The first character that cannot appear in a salt of a crypt(3) field, or -1.</summary>
    public static int FindBadSaltCharacter(ReadOnlySpan<char> salt)
    {
        // musl and uClibc accept any printable salt character but ':' (the field separator) and '$' (the end of the
        // salt); libxcrypt is stricter. The loosest reading wins here, since firmware often runs the former.
        for (var i = 0; i < salt.Length; i++)
        {
            var c = salt[i];
            if (c is <= ' ' or >= (char)0x7F or ':' or '$')
            {
                return i;
            }
        }

        return -1;
    }
}
