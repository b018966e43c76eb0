using ComplianceAuditor.Credentials.Hashes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>bcrypt through BouncyCastle's OpenBSD-format implementation ($2a$, $2b$, $2y$).</summary>
internal static class BcryptScheme
{
    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        if (hash.Scheme != HashScheme.Bcrypt || !hash.IsVerifiable || PasswordBytes.IsTooLong(password))
        {
            return false;
        }

        try
        {
            // Like the C implementations, BouncyCastle hashes UTF-8 bytes up to 72 of them, then a NUL.
            return OpenBsdBCrypt.CheckPassword(hash.Text, TrimAtNul(password).ToCharArray());
        }
        catch (ArgumentException)
        {
            // The parser admits only well-formed fields; this is a guard for versions or salts BouncyCastle reads
            // differently, which then simply cannot match.
            return false;
        }
        catch (CryptoException)
        {
            return false;
        }
    }

    private static string TrimAtNul(string password)
    {
        var nul = password.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? password : password[..nul];
    }
}
