namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>RFC 2307 style "{SCHEME}data" fields, as htpasswd and LDAP directories write them.</summary>
internal static class LdapFieldParser
{
    private const int Sha1Length = 20;

    public static PasswordHash Parse(string field, HashContext context)
    {
        var close = field.IndexOf('}', StringComparison.Ordinal);
        if (close < 0)
        {
            return PasswordHash.Unknown(field, context, $"not a hash ({FieldText.Shape(field)})");
        }

        var tag = field[1..close].ToUpperInvariant();
        var data = field.AsSpan(close + 1);
        switch (tag)
        {
            case "SHA":
                var sha = Base64Text.Decode(data);
                if (sha is null || sha.Length != Sha1Length)
                {
                    return PasswordHash.Malformed(field, context, "{SHA}: base64 of a 20-byte SHA-1 digest expected");
                }

                return new PasswordHash
                {
                    Scheme = HashScheme.LdapSha,
                    Text = field,
                    Context = context,
                    IsVerifiable = true,
                    Digest = data.ToString(),
                    Weakness = "unsalted SHA-1",
                };
            case "SSHA":
                var salted = Base64Text.Decode(data);
                if (salted is null || salted.Length <= Sha1Length)
                {
                    return PasswordHash.Malformed(field, context, "{SSHA}: base64 of a SHA-1 digest followed by a salt expected");
                }

                return new PasswordHash
                {
                    Scheme = HashScheme.LdapSsha,
                    Text = field,
                    Context = context,
                    IsVerifiable = true,
                    Digest = data.ToString(),
                    Weakness = "one salted SHA-1: fast to test",
                };
            case "CRYPT" when data.Length > 0:
                // The directory hands the rest to crypt(3); a lock marker inside would mean nothing to it.
                var inner = CryptFieldParser.Parse(data.ToString(), context, allowLock: false);
                return inner with { Text = field };
            default:
                return PasswordHash.Unknown(field, context, $"LDAP scheme {FieldText.Quote("{" + tag + "}")} is not handled");
        }
    }
}
