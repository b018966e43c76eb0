using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// Traditional crypt(3): the first 8 bytes of the password, 7 bits each, are the DES key; the zero block is
/// encrypted 25 times with the salted expansion; the 2 salt characters and 11 of output make the 13-character hash.
/// </summary>
internal static class DesCrypt
{
    private const int Iterations = 25;

    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash.Scheme == HashScheme.DesCrypt && hash.Text.Length == 13 && CryptBase64.IndexOfNonAlphabet(hash.Text) < 0 &&
               string.Equals(Compute(password, hash.Text[0], hash.Text[1]), hash.Text, StringComparison.Ordinal);
    }

    /// <summary>The hash of <paramref name="password"/> with the two salt characters (from the crypt alphabet).</summary>
    public static string Compute(ReadOnlySpan<char> password, char salt0, char salt1)
    {
        var low = CryptBase64.ValueOf(salt0);
        var high = CryptBase64.ValueOf(salt1);
        if (low < 0 || high < 0)
        {
            throw new ArgumentException("salt characters must come from the crypt alphabet", nameof(salt0));
        }

        ulong key = 0;
        var bytes = PasswordBytes.Encode(password);
        for (var i = 0; i < 8; i++)
        {
            // Each byte loses its top bit and moves up one, leaving DES's parity position empty.
            var b = i < bytes.Length ? bytes[i] : 0;
            key = (key << 8) | (byte)(b << 1);
        }

        // Salt bit k (least significant first) swaps expansion bit k: inside a 6-bit group the first bit is the most
        // significant, so each salt character's bits go in reverse order.
        var result = DesCipher.EncryptZeroRepeatedly(key, Reverse6(low), Reverse6(high), Iterations);

        Span<char> text = stackalloc char[13];
        text[0] = salt0;
        text[1] = salt1;
        for (var i = 0; i < 11; i++)
        {
            var shift = 58 - (6 * i);
            var value = shift >= 0 ? (result >> shift) & 0x3F : (result << 2) & 0x3F;
            text[2 + i] = CryptBase64.Alphabet[(int)value];
        }

        return new string(text);
    }

    private static int Reverse6(int value)
    {
        var reversed = 0;
        for (var bit = 0; bit < 6; bit++)
        {
            reversed |= ((value >> bit) & 1) << (5 - bit);
        }

        return reversed;
    }
}
