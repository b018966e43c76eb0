using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using ComplianceAuditor.Core.Secrets;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>A user name and a password-like string side by side, near a login prompt or an HTTP authentication string.</summary>
internal sealed record PromptHit(long Offset, string User, string Password, string Marker);

/// <summary>
/// The search for hard-wired logins that are in no dictionary: next to a login prompt or HTTP authentication string
/// ("login:", "Password:", "Authorization: Basic"), a well-known account name and, as the neighbouring string, a
/// value that looks like a password (letters and digits mixed, not a word, a path or a format string). This is how a
/// telnet or web daemon's built-in account looks in its string table. It is a strong hint, not a proof, and the
/// rule that uses it says so.
/// </summary>
internal static class PromptLoginSearch
{
    /// <summary>How far from a prompt the account may lie, in bytes: the same string table, not the whole binary.</summary>
    public const int Reach = 96;

    /// <summary>At most this many bytes between the account name and the password: string-table neighbours.</summary>
    private const int MaxGap = 8;

    private const int LongestMarker = 20;

    private static readonly SearchValues<string> Markers = SearchValues.Create(
        ["login:", "Login:", "Password:", "password:", "Authorization: Basic", "WWW-Authenticate"], StringComparison.Ordinal);

    private static readonly FrozenSet<string> Users = new[]
    {
        "root", "admin", "Admin", "administrator", "support", "user", "guest", "service", "supervisor", "tech",
        "operator", "default", "ubnt",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Search(ReadOnlySpan<byte> data, int ownedFrom, int ownedTo, long bufferStart, List<PromptHit> hits) =>
        WidenedSearch.ForEach(data, ownedFrom, ownedTo, Markers, LongestMarker, (bytes, marker) => Around(bytes, marker, bufferStart, hits));

    private static void Around(ReadOnlySpan<byte> data, int marker, long bufferStart, List<PromptHit> hits)
    {
        var tokens = new List<(int Start, int Length)>();
        TokenScanner.ForEach(data, Math.Max(0, marker - Reach), Math.Min(data.Length, marker + Reach), (_, start, length) => tokens.Add((start, length)));
        var markerText = MarkerAt(data, marker);
        for (var t = 0; t + 1 < tokens.Count && hits.Count < 100; t++)
        {
            var (a, b) = (tokens[t], tokens[t + 1]);
            if (b.Start - (a.Start + a.Length) > MaxGap)
            {
                continue;
            }

            var first = Encoding.Latin1.GetString(data.Slice(a.Start, a.Length));
            var second = Encoding.Latin1.GetString(data.Slice(b.Start, b.Length));
            var (user, password, at) = Users.Contains(first) && LooksLikePassword(second) ? (first, second, b.Start)
                : Users.Contains(second) && LooksLikePassword(first) ? (second, first, a.Start)
                : (null, null, 0);
            if (user is not null && !hits.Exists(h => h.User == user && h.Password == password))
            {
                hits.Add(new PromptHit(bufferStart + at, user, password!, markerText));
            }
        }
    }

    /// <summary>Letters and digits mixed, 6 to 32 characters, varied enough, and none of the shapes code is full of.</summary>
    internal static bool LooksLikePassword(string token) =>
        token.Length is >= 6 and <= 32
        && token.Any(char.IsAsciiLetter) && token.Any(char.IsAsciiDigit)
        && !Users.Contains(token)
        && token.IndexOfAny(['%', '$', '@', '.', '_']) < 0
        && !token.All(c => char.IsAsciiHexDigit(c))
        && SecretText.Entropy(token) >= 2.5;

    private static string MarkerAt(ReadOnlySpan<byte> data, int at)
    {
        var end = data[at..].IndexOfAny((byte)0, (byte)'\n');
        return Encoding.Latin1.GetString(data.Slice(at, Math.Min(end < 0 ? data.Length - at : end, 24)));
    }
}
