using System.Globalization;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>
/// mosquitto's own formats: 1.x "$6$salt$sha512(password+salt)" and 2.x "$7$iterations$salt$pbkdf2", with base64 salt
/// (12 bytes) and hash (64 bytes). The broker drops an entry whose hash does not decode to those sizes.
/// </summary>
internal static class MosquittoFieldParser
{
    private const int SaltLength = 12;
    private const int HashLength = 64;

    public static PasswordHash Parse(string field)
    {
        const HashContext context = HashContext.Mosquitto;
        if (field.StartsWith("$6$", StringComparison.Ordinal))
        {
            var parts = field[3..].Split('$');
            return parts.Length == 2
                ? Build(field, HashScheme.MosquittoSha512, parts[0], parts[1], iterations: null)
                : PasswordHash.Malformed(field, context, "mosquitto $6$: \"$6$salt$hash\" expected");
        }

        if (field.StartsWith("$7$", StringComparison.Ordinal))
        {
            var parts = field[3..].Split('$');
            if (parts.Length != 3)
            {
                return PasswordHash.Malformed(field, context, "mosquitto $7$: \"$7$iterations$salt$hash\" expected");
            }

            if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) ||
                iterations is < 1 or > int.MaxValue)
            {
                return PasswordHash.Malformed(
                    field, context, $"mosquitto $7$: iteration count {FieldText.Quote(parts[0])} is not a number in 1..{int.MaxValue}");
            }

            return Build(field, HashScheme.MosquittoPbkdf2, parts[1], parts[2], iterations);
        }

        // Brokers built with TLS (nearly all) drop such an entry; one built without compares the text as it is.
        return PasswordHash.Plaintext(field, context, "mosquitto accepts plain text only when built without TLS");
    }

    private static PasswordHash Build(string field, HashScheme scheme, string salt, string hash, long? iterations)
    {
        var name = scheme.DisplayName();
        if (Base64Text.Decode(salt) is not { Length: SaltLength })
        {
            return PasswordHash.Malformed(field, HashContext.Mosquitto, $"{name}: salt is not base64 of {SaltLength} bytes", iterations);
        }

        if (Base64Text.Decode(hash) is not { Length: HashLength })
        {
            return PasswordHash.Malformed(field, HashContext.Mosquitto, $"{name}: hash is not base64 of {HashLength} bytes", iterations);
        }

        string? weakness = iterations switch
        {
            null => "one salted SHA-512: fast to test",
            < 10_000 => $"only {iterations} PBKDF2 iterations: fast to test",
            _ => null,
        };
        return new PasswordHash
        {
            Scheme = scheme,
            Text = field,
            Context = HashContext.Mosquitto,
            IsVerifiable = true,
            Cost = iterations,
            Salt = salt,
            Digest = hash,
            Weakness = weakness,
        };
    }
}
