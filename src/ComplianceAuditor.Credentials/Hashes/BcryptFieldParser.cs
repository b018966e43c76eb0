using System.Globalization;
using ComplianceAuditor.Credentials.Crypt;

namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>"$2b$NN$" then 22 characters of salt and 31 of hash, in bcrypt's own ordering of the crypt alphabet.</summary>
internal static class BcryptFieldParser
{
    public static PasswordHash Parse(string field, HashContext context, string version)
    {
        var prefix = "$" + version + "$";
        var expected = prefix.Length + 3 + 53;
        if (field.Length < prefix.Length + 3 || !char.IsAsciiDigit(field[prefix.Length]) ||
            !char.IsAsciiDigit(field[prefix.Length + 1]) || field[prefix.Length + 2] != '$')
        {
            return PasswordHash.Malformed(field, context, "bcrypt: no two-digit cost after the version");
        }

        var cost = int.Parse(field.AsSpan(prefix.Length, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (cost is < 4 or > 31)
        {
            return PasswordHash.Malformed(field, context, $"bcrypt cost {cost} is outside 4..31; crypt(3) refuses it", cost);
        }

        if (field.Length != expected)
        {
            return PasswordHash.Malformed(
                field, context, $"bcrypt: {field.Length} characters, {expected} expected (truncated or padded)", cost);
        }

        var body = field.AsSpan(prefix.Length + 3);
        var bad = CryptBase64.IndexOfNonAlphabet(body);
        if (bad >= 0)
        {
            return PasswordHash.Malformed(field, context, $"bcrypt: {FieldText.Describe(body[bad])} in salt or hash", cost);
        }

        // BouncyCastle implements 2a, 2b and 2y; 2x reproduces crypt_blowfish's old sign-extension bug, and "$2$"
        // predates the NUL byte at the end of the key; neither is in it.
        var verifiable = version is "2a" or "2b" or "2y";
        return new PasswordHash
        {
            Scheme = HashScheme.Bcrypt,
            Text = field,
            Context = context,
            IsVerifiable = verifiable,
            Cost = cost,
            Variant = version,
            Salt = body[..22].ToString(),
            Digest = body[22..].ToString(),
            Reason = verifiable ? null : $"bcrypt ${version}$ is recognised but not verified here (BouncyCastle lacks it)",
        };
    }
}
