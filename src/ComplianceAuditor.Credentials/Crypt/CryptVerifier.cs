using System.Security.Cryptography;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>Tests a candidate password against any verifiable field. Never throws.</summary>
public static class CryptVerifier
{
    /// <summary>Why <paramref name="hash"/> cannot be tested within <paramref name="limits"/>, or null when it can.</summary>
    public static string? WhyNotVerifiable(PasswordHash? hash, CostLimits? limits = null)
    {
        if (hash is null)
        {
            return "no hash";
        }

        if (!hash.IsVerifiable)
        {
            return hash.Reason ?? $"{hash.Scheme.DisplayName()} cannot be verified";
        }

        limits ??= CostLimits.Default;
        var cost = hash.Cost ?? 0;
        return hash.Scheme switch
        {
            HashScheme.Sha256Crypt or HashScheme.Sha512Crypt when cost > limits.MaxShaCryptRounds =>
                $"{hash.Scheme.DisplayName()} with {cost} rounds is over the limit of {limits.MaxShaCryptRounds} rounds",
            HashScheme.Bcrypt when cost > limits.MaxBcryptCost =>
                $"bcrypt cost {cost} (2^{cost} rounds) is over the limit of cost {limits.MaxBcryptCost}",
            HashScheme.MosquittoPbkdf2 when cost > limits.MaxPbkdf2Iterations =>
                $"PBKDF2 with {cost} iterations is over the limit of {limits.MaxPbkdf2Iterations} iterations",
            _ => null,
        };
    }

    public static VerifyResult Verify(PasswordHash? hash, string? password, CostLimits? limits = null)
    {
        if (hash is null || password is null || WhyNotVerifiable(hash, limits) is not null)
        {
            return VerifyResult.NotVerifiable;
        }

        try
        {
            var match = hash.Scheme switch
            {
                HashScheme.Empty => password.Length == 0,
                HashScheme.Plaintext => string.Equals(hash.Text, password, StringComparison.Ordinal),
                HashScheme.DesCrypt => DesCrypt.Verify(hash, password),
                HashScheme.Md5Crypt or HashScheme.AprMd5 => Md5Crypt.Verify(hash, password),
                HashScheme.Sha256Crypt or HashScheme.Sha512Crypt => ShaCrypt.Verify(hash, password),
                HashScheme.Bcrypt => BcryptScheme.Verify(hash, password),
                HashScheme.LdapSha or HashScheme.LdapSsha => LdapSha.Verify(hash, password),
                HashScheme.MosquittoSha512 or HashScheme.MosquittoPbkdf2 => MosquittoHashes.Verify(hash, password),
                HashScheme.NtHash => NtHashScheme.Verify(hash, password),
                _ => (bool?)null,
            };
            return match switch
            {
                true => VerifyResult.Match,
                false => VerifyResult.NoMatch,
                null => VerifyResult.NotVerifiable,
            };
        }
        catch (CryptographicException)
        {
            // A platform without MD5 or SHA-1 (FIPS mode) cannot test these; that is not a non-match.
            return VerifyResult.NotVerifiable;
        }
    }
}
