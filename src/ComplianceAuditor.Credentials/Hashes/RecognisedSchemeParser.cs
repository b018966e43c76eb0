using System.Buffers;
using System.Globalization;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>
/// Schemes that are named and checked for shape only: yescrypt, scrypt, SunMD5 and Argon2 have no verifier here, and
/// the NT hash is simple enough to verify.
/// </summary>
internal static class RecognisedSchemeParser
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static PasswordHash Parse(string field, HashContext context, string id)
    {
        if (id == "md5")
        {
            return ParseSunMd5(field, context);
        }

        return id switch
        {
            "y" => ParseParts(field, context, HashScheme.Yescrypt, "$y$", parts: 3),
            "gy" => ParseParts(field, context, HashScheme.GostYescrypt, "$gy$", parts: 3),
            "7" => ParseParts(field, context, HashScheme.Scrypt, "$7$", parts: 2),
            "3" => ParseNt(field, context),
            "argon2i" or "argon2d" or "argon2id" => ParseArgon2(field, context, id),
            _ => PasswordHash.Unknown(field, context, $"unrecognised crypt scheme {FieldText.Quote("$" + id + "$")}"),
        };
    }

    private static PasswordHash ParseParts(string field, HashContext context, HashScheme scheme, string prefix, int parts)
    {
        // yescrypt is "$y$params$salt$hash", scrypt "$7$params+salt$hash": only the number of non-empty parts is checked.
        var rest = field[prefix.Length..].Split('$');
        if (rest.Length != parts || rest.Any(part => part.Length == 0))
        {
            return PasswordHash.Malformed(field, context, $"{scheme.DisplayName()}: {parts} '$'-separated parts expected after {prefix}");
        }

        return Recognised(field, context, scheme, cost: null);
    }

    private static PasswordHash ParseNt(string field, HashContext context)
    {
        const string prefix = "$3$$";
        var hex = field.AsSpan(Math.Min(field.Length, prefix.Length));
        if (!field.StartsWith(prefix, StringComparison.Ordinal) || hex.Length != 32 || hex.ContainsAnyExcept(LowerHex))
        {
            return PasswordHash.Malformed(field, context, "NT hash: \"$3$$\" and 32 lower-case hex digits expected");
        }

        return new PasswordHash
        {
            Scheme = HashScheme.NtHash,
            Text = field,
            Context = context,
            IsVerifiable = true,
            Digest = hex.ToString(),
            Weakness = "NT hash: unsalted MD4",
        };
    }

    private static PasswordHash ParseSunMd5(string field, HashContext context)
    {
        // "$md5$salt$hash" or "$md5,rounds=N$salt$$hash".
        long? rounds = null;
        if (field.StartsWith("$md5,rounds=", StringComparison.Ordinal))
        {
            var digits = field.AsSpan(12);
            var end = digits.IndexOf('$');
            if (end <= 0 || !long.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return PasswordHash.Malformed(field, context, "SunMD5: 'rounds=' is not a number followed by '$'");
            }

            rounds = value;
        }

        if (field.Count(c => c == '$') < 3)
        {
            return PasswordHash.Malformed(field, context, "SunMD5: salt and hash parts missing");
        }

        return Recognised(field, context, HashScheme.SunMd5, rounds);
    }

    private static PasswordHash ParseArgon2(string field, HashContext context, string id)
    {
        // "$argon2id$v=19$m=65536,t=3,p=4$salt$hash"; the version part is absent in the oldest encoders.
        var parts = field.Split('$');
        var parameters = parts.FirstOrDefault(part => part.StartsWith("m=", StringComparison.Ordinal));
        if (parts.Length is < 5 or > 6 || parameters is null || parts[^1].Length == 0 || parts[^2].Length == 0)
        {
            return PasswordHash.Malformed(field, context, $"{id}: \"$v=..$m=..,t=..,p=..$salt$hash\" expected");
        }

        long? iterations = null;
        foreach (var setting in parameters.Split(','))
        {
            if (setting.StartsWith("t=", StringComparison.Ordinal) &&
                long.TryParse(setting.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                iterations = t;
            }
        }

        var hash = Recognised(field, context, HashScheme.Argon2, iterations);
        return hash with { Variant = id, Reason = $"{id} ({parameters}) is recognised but not verified here" };
    }

    private static PasswordHash Recognised(string field, HashContext context, HashScheme scheme, long? cost) => new()
    {
        Scheme = scheme,
        Text = field,
        Context = context,
        Cost = cost,
        Reason = $"{scheme.DisplayName()} is recognised but not verified here",
    };
}
