using ComplianceAuditor.Credentials.Crypt;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>Classifies a non-empty field the way crypt(3) and the files around it read it.</summary>
internal static class CryptFieldParser
{
    public static PasswordHash Parse(string field, HashContext context, bool allowLock = true)
    {
        if (context == HashContext.Crypt && allowLock)
        {
            if (field == "x")
            {
                return new PasswordHash
                {
                    Scheme = HashScheme.Shadowed,
                    Text = field,
                    Context = context,
                    Reason = "'x' points from passwd to the shadow file; as a hash it matches no password",
                };
            }

            if (field[0] is '!' or '*')
            {
                return ParseLocked(field);
            }
        }

        return field[0] switch
        {
            '$' => ModularCryptParser.Parse(field, context),
            '_' => ParseBsdi(field, context),
            '{' => LdapFieldParser.Parse(field, context),
            _ when field.Length == 13 && CryptBase64.IndexOfNonAlphabet(field) < 0 => new PasswordHash
            {
                Scheme = HashScheme.DesCrypt,
                Text = field,
                Context = context,
                IsVerifiable = true,
                Cost = 25,
                Salt = field[..2],
                Digest = field[2..],
                Weakness = "DES crypt: only the first 8 characters count and the salt is 12 bits",
            },
            _ => PasswordHash.Unknown(field, context, $"not a crypt(3) hash ({FieldText.Shape(field)}): no password matches it"),
        };
    }

    /// <summary>
    /// passwd -l puts '!' before the hash, FreeBSD puts "*LOCKED*"; '*' and "!!" alone mean no password was ever set.
    /// The hash behind a lock is kept: it still tells which password the account had.
    /// </summary>
    private static PasswordHash ParseLocked(string field)
    {
        string inner;
        string marker;
        if (field.StartsWith("*LOCKED*", StringComparison.Ordinal))
        {
            marker = "*LOCKED*";
            inner = field[marker.Length..];
        }
        else if (field[0] == '!')
        {
            inner = field.TrimStart('!');
            marker = field[..(field.Length - inner.Length)];
        }
        else
        {
            return new PasswordHash
            {
                Scheme = HashScheme.Locked,
                Text = field,
                Context = HashContext.Crypt,
                Reason = $"locked: {FieldText.Quote(field)} matches no password",
            };
        }

        var hash = inner.Length == 0 ? null : Parse(inner, HashContext.Crypt, allowLock: false);
        if (hash is null || hash.Scheme == HashScheme.Unknown)
        {
            return new PasswordHash
            {
                Scheme = HashScheme.Locked,
                Text = field,
                Context = HashContext.Crypt,
                Reason = $"locked: {FieldText.Quote(marker)} and no hash behind it",
            };
        }

        return new PasswordHash
        {
            Scheme = HashScheme.Locked,
            Text = field,
            Context = HashContext.Crypt,
            Cost = hash.Cost,
            LockedHash = hash,
            Reason = $"locked: {FieldText.Quote(marker)} before a {hash.Scheme.DisplayName()} hash, which is kept",
        };
    }

    /// <summary>BSDi extended DES: '_', 4 characters of iteration count, 4 of salt, 11 of hash.</summary>
    private static PasswordHash ParseBsdi(string field, HashContext context)
    {
        var bad = CryptBase64.IndexOfNonAlphabet(field.AsSpan(1));
        var problem = field.Length != 20 ? $"BSDi extended DES needs 20 characters, this has {field.Length}"
            : bad >= 0 ? $"BSDi extended DES hash has {FieldText.Describe(field[bad + 1])} at {bad + 1}"
            : null;
        if (problem is not null)
        {
            // Outside crypt(3) files a leading '_' proves nothing: the field may be a plain-text password.
            return context == HashContext.Crypt
                ? PasswordHash.Malformed(field, context, problem)
                : PasswordHash.Unknown(field, context, problem);
        }

        long count = 0;
        for (var i = 4; i >= 1; i--)
        {
            count = (count << 6) | (uint)CryptBase64.ValueOf(field[i]);
        }

        return new PasswordHash
        {
            Scheme = HashScheme.BsdiDes,
            Text = field,
            Context = context,
            Cost = count,
            Salt = field[5..9],
            Digest = field[9..],
            Weakness = "BSDi extended DES: DES-based and fast to test",
            Reason = "BSDi extended DES is recognised but not verified here",
        };
    }
}
