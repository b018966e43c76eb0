using ComplianceAuditor.Credentials.Crypt;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>Fields of the form "$id$...": the id picks the scheme, each scheme has its own layout.</summary>
internal static class ModularCryptParser
{
    private const long ShaCryptMinRounds = 1000;
    private const long ShaCryptMaxRounds = 999_999_999;
    private const long ShaCryptDefaultRounds = 5000;

    public static PasswordHash Parse(string field, HashContext context)
    {
        var end = field.IndexOfAny(['$', ','], 1);
        if (end < 0)
        {
            return PasswordHash.Unknown(field, context, $"starts with '$' but names no scheme ({FieldText.Shape(field)})");
        }

        var id = field[1..end];
        return id switch
        {
            "1" => ParseMd5(field, context, "$1$", HashScheme.Md5Crypt),
            "apr1" => ParseMd5(field, context, "$apr1$", HashScheme.AprMd5),
            "5" => ParseSha(field, context, HashScheme.Sha256Crypt, 43),
            "6" => ParseSha(field, context, HashScheme.Sha512Crypt, 86),
            "2" or "2a" or "2b" or "2x" or "2y" => BcryptFieldParser.Parse(field, context, id),
            _ => RecognisedSchemeParser.Parse(field, context, id),
        };
    }

    private static PasswordHash ParseMd5(string field, HashContext context, string magic, HashScheme scheme)
    {
        var name = scheme.DisplayName();
        var saltEnd = field.IndexOf('$', magic.Length);
        if (saltEnd < 0)
        {
            return PasswordHash.Malformed(field, context, $"{name}: no '$' after the salt, so no hash part", 1000);
        }

        var salt = field[magic.Length..saltEnd];
        var problem = CheckSalt(salt, 8, name) ?? CheckDigest(field.AsSpan(saltEnd + 1), 22, name);
        if (problem is not null)
        {
            return PasswordHash.Malformed(field, context, problem, 1000);
        }

        return new PasswordHash
        {
            Scheme = scheme,
            Text = field,
            Context = context,
            IsVerifiable = true,
            Cost = 1000,
            Variant = magic,
            Salt = salt,
            Digest = field[(saltEnd + 1)..],
            Weakness = $"{name}: fast to test (1000 MD5 rounds) and broken",
        };
    }

    private static PasswordHash ParseSha(string field, HashContext context, HashScheme scheme, int digestLength)
    {
        var name = scheme.DisplayName();
        var at = 3;
        var rounds = ShaCryptDefaultRounds;
        var roundsGiven = false;
        string? note = null;
        const string roundsTag = "rounds=";
        if (field.AsSpan(at).StartsWith(roundsTag, StringComparison.Ordinal))
        {
            at += roundsTag.Length;
            var digitsStart = at;
            ulong written = 0;
            while (at < field.Length && char.IsAsciiDigit(field[at]))
            {
                // Saturate rather than overflow: "rounds=99999999999999999999" is as absurd as the largest ulong.
                var digit = (ulong)(field[at] - '0');
                written = written > (ulong.MaxValue - digit) / 10 ? ulong.MaxValue : (written * 10) + digit;
                at++;
            }

            if (at == digitsStart || at >= field.Length || field[at] != '$')
            {
                return PasswordHash.Malformed(field, context, $"{name}: 'rounds=' is not a number followed by '$'");
            }

            var writtenText = field[digitsStart..at];
            rounds = (long)Math.Clamp(written, (ulong)ShaCryptMinRounds, (ulong)ShaCryptMaxRounds);
            if ((ulong)rounds != written)
            {
                // The specification clamps; libxcrypt refuses such fields outright. Either way this exact text is
                // not what crypt(3) writes, and the cost that matters is the clamped one.
                note = $"rounds={FieldText.Quote(writtenText, 32)[1..^1]} is outside {ShaCryptMinRounds}..{ShaCryptMaxRounds}; " +
                       $"crypt(3) uses {rounds}";
            }

            roundsGiven = true;
            at++;
        }

        var saltEnd = field.IndexOf('$', at);
        if (saltEnd < 0)
        {
            return PasswordHash.Malformed(field, context, $"{name}: no '$' after the salt, so no hash part", rounds);
        }

        var salt = field[at..saltEnd];
        var problem = CheckSalt(salt, 16, name) ?? CheckDigest(field.AsSpan(saltEnd + 1), digestLength, name);
        if (problem is not null)
        {
            return PasswordHash.Malformed(field, context, problem, rounds);
        }

        return new PasswordHash
        {
            Scheme = scheme,
            Text = field,
            Context = context,
            IsVerifiable = true,
            Cost = rounds,
            Variant = field[..3],
            Salt = salt,
            Digest = field[(saltEnd + 1)..],
            RoundsGiven = roundsGiven,
            Reason = note,
        };
    }

    internal static string? CheckSalt(string salt, int maxLength, string name)
    {
        if (salt.Length > maxLength)
        {
            return $"{name}: salt of {salt.Length} characters; crypt(3) keeps at most {maxLength}, so it never writes this";
        }

        var bad = FieldText.FindBadSaltCharacter(salt);
        return bad < 0 ? null : $"{name}: salt has {FieldText.Describe(salt[bad])}, which no crypt(3) accepts";
    }

    internal static string? CheckDigest(ReadOnlySpan<char> digest, int length, string name)
    {
        if (digest.Length != length)
        {
            return $"{name}: hash part is {digest.Length} characters, {length} expected (truncated or padded)";
        }

        var bad = CryptBase64.IndexOfNonAlphabet(digest);
        return bad < 0 ? null : $"{name}: hash part has {FieldText.Describe(digest[bad])}, outside crypt(3)'s alphabet";
    }
}
