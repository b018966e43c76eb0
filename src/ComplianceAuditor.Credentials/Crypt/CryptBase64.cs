namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>The 64-character alphabet of crypt(3) and its little-endian 6-bit groups.</summary>
internal static class CryptBase64
{
    public const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static int ValueOf(char c) => c switch
    {
        '.' => 0,
        '/' => 1,
        >= '0' and <= '9' => c - '0' + 2,
        >= 'A' and <= 'Z' => c - 'A' + 12,
        >= 'a' and <= 'z' => c - 'a' + 38,
        _ => -1,
    };

    public static bool IsAlphabet(char c) => ValueOf(c) >= 0;

    public static int IndexOfNonAlphabet(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsAlphabet(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes <paramref name="count"/> characters of a 24-bit group, least significant 6 bits first.</summary>
    public static int Write(Span<char> destination, int at, int high, int middle, int low, int count)
    {
        var word = (high << 16) | (middle << 8) | low;
        for (var i = 0; i < count; i++)
        {
            destination[at++] = Alphabet[word & 0x3F];
            word >>= 6;
        }

        return at;
    }
}
