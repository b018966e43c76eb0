using System.Buffers;
using System.Text;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>
/// Finds the word-like tokens of a byte buffer (runs of letters, digits and the punctuation passwords use), the way
/// strings sit in a binary's data section or in a script: separated by NULs, quotes, spaces, colons or any other byte.
/// </summary>
internal static class TokenScanner
{
    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-!@#$%&*+"u8);

    /// <summary>
    /// Calls <paramref name="onToken"/> with the start and length of each token that starts in [from, to). A token cut
    /// by <paramref name="from"/> belongs to whoever reads the bytes before it, and is skipped.
    /// </summary>
    public static void ForEach(ReadOnlySpan<byte> data, int from, int to, TokenHandler onToken)
    {
        var at = from;
        if (at > 0 && at < data.Length && TokenBytes.Contains(data[at - 1]))
        {
            var rest = data[at..].IndexOfAnyExcept(TokenBytes);
            at = rest < 0 ? data.Length : at + rest;
        }

        while (at < to)
        {
            var start = data[at..to].IndexOfAny(TokenBytes);
            if (start < 0)
            {
                return;
            }

            start += at;
            var length = data[start..].IndexOfAnyExcept(TokenBytes);
            length = length < 0 ? data.Length - start : length;
            onToken(data, start, length);
            at = start + length;
        }
    }

    public static bool IsTokenByte(byte value) => TokenBytes.Contains(value);

    /// <summary>The length of the token starting at <paramref name="start"/>.</summary>
    public static int TokenLength(ReadOnlySpan<byte> data, int start)
    {
        var length = data[start..].IndexOfAnyExcept(TokenBytes);
        return length < 0 ? data.Length - start : length;
    }

    /// <summary>True when the token at <paramref name="start"/> is exactly <paramref name="word"/>.</summary>
    public static bool TokenEquals(ReadOnlySpan<byte> data, int start, int length, string word) =>
        length == word.Length && Encoding.ASCII.GetByteCount(word) == length && Ascii.Equals(data.Slice(start, length), word);

    public delegate void TokenHandler(ReadOnlySpan<byte> data, int start, int length);
}
