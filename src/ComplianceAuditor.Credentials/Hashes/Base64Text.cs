using System.Buffers;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>Standard base64 as password files write it, with or without the '=' padding.</summary>
internal static class Base64Text
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        var unpadded = text.TrimEnd('=');
        if (text.Length - unpadded.Length > 2 || unpadded.Length % 4 == 1 ||
            unpadded.ContainsAnyExcept(Alphabet))
        {
            return null;
        }

        var padded = unpadded.ToString() + new string('=', (4 - (unpadded.Length % 4)) % 4);
        var bytes = new byte[padded.Length / 4 * 3];
        return Convert.TryFromBase64String(padded, bytes, out var written) ? bytes[..written] : null;
    }
}
