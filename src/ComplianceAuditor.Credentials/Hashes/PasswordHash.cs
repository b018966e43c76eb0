namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>
/// A password field classified by its text. Parsing never throws: a field that cannot be read is
/// <see cref="HashScheme.Malformed"/> or <see cref="HashScheme.Unknown"/> with a <see cref="Reason"/>.
/// </summary>
public sealed record PasswordHash
{
    /// <summary>No real hash comes near this; longer fields are refused before any scanning beyond their length.</summary>
    public const int MaxFieldLength = 1024;

    internal PasswordHash()
    {
    }

    public HashScheme Scheme { get; internal init; }

    /// <summary>The field exactly as given.</summary>
    public string Text { get; internal init; } = "";

    public HashContext Context { get; internal init; }

    /// <summary>Whether <see cref="Crypt.CryptVerifier"/> can test a candidate password against this field.</summary>
    public bool IsVerifiable { get; internal init; }

    /// <summary>Why the scheme itself is weak (null when it is not known to be), whatever the password.</summary>
    public string? Weakness { get; internal init; }

    /// <summary>The work factor: rounds, bcrypt's log2 cost or PBKDF2 iterations; null for single-pass hashes.</summary>
    public long? Cost { get; internal init; }

    /// <summary>Why the field is malformed, unknown or not verifiable, or a note on how it was read.</summary>
    public string? Reason { get; internal init; }

    /// <summary>For a locked field that still holds a hash ("!$6$..."), that hash.</summary>
    public PasswordHash? LockedHash { get; internal init; }

    /// <summary>The scheme's own tag where it has several ("$1$" or "$apr1$", "2b", "argon2id").</summary>
    internal string Variant { get; init; } = "";

    /// <summary>The salt as written in the field (encoded, not decoded).</summary>
    internal string Salt { get; init; } = "";

    /// <summary>The hash part as written in the field.</summary>
    internal string Digest { get; init; } = "";

    /// <summary>Whether a SHA-crypt field carried its own "rounds=" (the output then repeats it).</summary>
    internal bool RoundsGiven { get; init; }

    public static PasswordHash Parse(string? field, HashContext context = HashContext.Crypt)
    {
        field ??= "";
        if (field.Length > MaxFieldLength)
        {
            return Malformed(field, context, $"field is {field.Length} characters long, over the {MaxFieldLength} any hash needs");
        }

        if (field.Length == 0)
        {
            return new PasswordHash
            {
                Scheme = HashScheme.Empty,
                Text = field,
                Context = context,
                IsVerifiable = true,
                Weakness = "empty password",
            };
        }

        return context switch
        {
            HashContext.Htpasswd => ParseHtpasswd(field),
            HashContext.Mosquitto => MosquittoFieldParser.Parse(field),
            _ => CryptFieldParser.Parse(field, HashContext.Crypt),
        };
    }

    internal static PasswordHash Malformed(string field, HashContext context, string reason, long? cost = null) => new()
    {
        Scheme = HashScheme.Malformed,
        Text = field,
        Context = context,
        Reason = reason,
        Cost = cost,
    };

    internal static PasswordHash Unknown(string field, HashContext context, string reason) => new()
    {
        Scheme = HashScheme.Unknown,
        Text = field,
        Context = context,
        Reason = reason,
    };

    internal static PasswordHash Plaintext(string field, HashContext context, string? note = null) => new()
    {
        Scheme = HashScheme.Plaintext,
        Text = field,
        Context = context,
        IsVerifiable = true,
        Weakness = "stored in plain text",
        Reason = note,
    };

    /// <summary>
    /// Apache recognises apr1, bcrypt and {SHA} itself and hands anything else to crypt(3) on Unix; a field no scheme
    /// claims is a plain-text password (which Apache accepts only on Windows and NetWare, but a device may differ).
    /// </summary>
    private static PasswordHash ParseHtpasswd(string field)
    {
        var parsed = CryptFieldParser.Parse(field, HashContext.Htpasswd);
        return parsed.Scheme switch
        {
            HashScheme.Unknown or HashScheme.Locked or HashScheme.Shadowed => Plaintext(field, HashContext.Htpasswd),
            _ => parsed,
        };
    }
}
