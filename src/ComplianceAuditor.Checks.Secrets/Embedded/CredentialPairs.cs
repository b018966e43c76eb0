using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using ComplianceAuditor.Credentials.Dictionary;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>
/// The default logins worth looking for as strings in a binary: those whose password is distinctive enough that
/// finding it next to its user name is not chance. Common words and numbers (admin, root, 1234, the chip name
/// hi3518, the vendor name realtek) appear in countless harmless binaries and are left out.
/// </summary>
internal sealed class CredentialPairs
{
    /// <summary>Passwords too common in ordinary binaries to mean anything on their own.</summary>
    private static readonly FrozenSet<string> Common = new[]
    {
        "admin", "root", "user", "guest", "support", "default", "password", "pass", "service", "supervisor", "system",
        "tech", "ubnt", "realtek", "dreambox", "hi3518", "cisco", "debian", "ubuntu", "vagrant", "access", "toor",
        "temppwd", "raspberry", "arduino", "odroid", "orangepi", "dietpi", "libreelec", "openelec", "osmc", "volumio",
        "pfsense", "opnsense", "moxa",
    }.ToFrozenSet(StringComparer.Ordinal);

    public const int MinLength = 4;
    public const int MaxLength = 32;

    private CredentialPairs(FrozenDictionary<string, DefaultCredential[]> byPassword)
    {
        ByPassword = byPassword;
        Lookup = byPassword.GetAlternateLookup<ReadOnlySpan<char>>();
        Passwords = SearchValues.Create([.. byPassword.Keys], StringComparison.Ordinal);
    }

    public static CredentialPairs BuiltIn { get; } = From(DefaultCredentials.BuiltIn);

    /// <summary>Distinctive password → the dictionary entries (with a user name) that use it.</summary>
    public FrozenDictionary<string, DefaultCredential[]> ByPassword { get; }

    public FrozenDictionary<string, DefaultCredential[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    /// <summary>The distinctive passwords, for a vectorised search of all of them at once.</summary>
    public SearchValues<string> Passwords { get; }

    /// <summary>
    /// The entries whose password is the whole token starting at <paramref name="start"/> (not a piece of a longer
    /// word), or null.
    /// </summary>
    public DefaultCredential[]? TokenAt(ReadOnlySpan<byte> data, int start)
    {
        if (start > 0 && TokenScanner.IsTokenByte(data[start - 1]))
        {
            return null;
        }

        var length = TokenScanner.TokenLength(data, start);
        if (length is < MinLength or > MaxLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[MaxLength];
        var text = chars[..Encoding.Latin1.GetChars(data.Slice(start, length), chars)];
        return Lookup.TryGetValue(text, out var entries) ? entries : null;
    }

    public static CredentialPairs From(IEnumerable<DefaultCredential> credentials) => new(credentials
        .Where(c => c.Username is { Length: > 0 } and not "*" && IsDistinctive(c.Password))
        .GroupBy(c => c.Password, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));

    public static bool IsDistinctive(string password) =>
        password.Length is >= MinLength and <= MaxLength
        && !password.All(char.IsAsciiDigit)
        && !Common.Contains(password.ToLowerInvariant());
}
