using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Randomness;

/// <summary>
/// Whether a name (of a variable, field, property, parameter or method) says that it holds or makes a secret value: a
/// key, token, nonce, IV, salt, password, PIN, session id, one-time code or challenge. As for credentials, the head
/// noun decides (<c>GenerateToken</c>, <c>sessionKeyBytes</c> yes; <c>TokenCount</c>, <c>retryDelay</c> no), and a
/// few ambiguous nouns need a qualifier: a <c>cacheKey</c> or <c>sortKey</c> is no secret, a <c>ledPin</c> is a GPIO
/// pin, and a bare <c>code</c> is not a one-time code.
/// </summary>
internal static class SecretValueNames
{
    private static readonly ImmutableDictionary<string, string> Heads = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["key"] = "a key", ["token"] = "a token", ["nonce"] = "a nonce", ["iv"] = "an IV", ["salt"] = "a salt",
        ["password"] = "a password", ["passwd"] = "a password", ["pwd"] = "a password", ["passphrase"] = "a passphrase",
        ["passcode"] = "a passcode", ["secret"] = "a secret", ["otp"] = "a one-time password", ["totp"] = "a one-time password",
        ["hotp"] = "a one-time password", ["challenge"] = "a challenge", ["credential"] = "a credential",
        ["credentials"] = "a credential", ["psk"] = "a pre-shared key", ["pin"] = "a PIN", ["code"] = "a one-time code",
        ["id"] = "a session id", ["sessionid"] = "a session id",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    // Words after the head noun that still name the value: "KeyBytes", "tokenHex", "PasswordBuilder".
    private static readonly ImmutableHashSet<string> ValueSuffixes = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "bytes", "buffer", "buf", "string", "str", "hex", "text", "value", "data", "array", "chars", "builder", "sb",
        "digits", "b64", "base64", "material",
    ]);

    // A key under which something is stored or sorted is not a cryptographic key.
    private static readonly ImmutableHashSet<string> NonSecretKeys = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "cache", "dictionary", "dict", "lookup", "map", "sort", "partition", "row", "primary", "foreign", "hash",
        "registry", "index", "idempotency", "routing", "object", "group", "table", "item", "entry", "composite",
        "unique", "public", "hot", "shortcut", "press", "pressed", "console", "keyboard", "music", "piano",
    ]);

    private static readonly ImmutableHashSet<string> PinQualifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "pairing", "device", "user", "admin", "access", "security", "secret", "default", "setup", "bluetooth", "ble", "sim",
        "wps", "unlock", "random", "new", "generate", "create", "make", "next", "reset", "login", "auth",
    ]);

    private static readonly ImmutableHashSet<string> CodeQualifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "verification", "verify", "auth", "authentication", "authorization", "pairing", "activation", "reset",
        "confirmation", "confirm", "security", "access", "unlock", "login", "otp", "pin", "recovery", "invite", "invitation",
    ]);

    private static readonly ImmutableArray<string> JoinedHeads = ImmutableArray.Create("password", "passphrase", "passcode", "secret", "token", "nonce", "sessionid", "apikey");

    /// <summary>What a name says it holds ("a token"); null when it names nothing secret.</summary>
    public static string? Match(string? name)
    {
        var words = NameWords.Split(name);
        var end = NameWords.HeadEnd(words, ValueSuffixes);

        if (end == 0)
        {
            return null;
        }

        var head = words[end - 1];
        var previous = end >= 2 ? words[end - 2] : null;
        if (Heads.TryGetValue(head, out var what) && Qualified(head, previous, end >= 3 ? words[end - 3] : null))
        {
            return what;
        }

        foreach (var joined in JoinedHeads)
        {
            if (head.Length > joined.Length && head.EndsWith(joined, StringComparison.Ordinal))
            {
                return joined == "sessionid" ? "a session id" : joined == "apikey" ? "a key" : Heads[joined];
            }
        }

        return null;
    }

    private static bool Qualified(string head, string? previous, string? beforePrevious) => head switch
    {
        "key" => previous is null || !NonSecretKeys.Contains(previous),
        "pin" => previous is null || PinQualifiers.Contains(previous),
        "code" => previous is not null && (CodeQualifiers.Contains(previous) || (previous == "time" && beforePrevious == "one")),
        "id" => previous == "session",
        _ => true,
    };
}
