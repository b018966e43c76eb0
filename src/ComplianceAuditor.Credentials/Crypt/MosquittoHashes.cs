using System.Security.Cryptography;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// mosquitto's password file hashes: 1.x is one SHA-512 of the password followed by the salt, 2.x is
/// PBKDF2-HMAC-SHA512 with the iteration count in the field; the salt is 12 bytes, the hash 64.
/// </summary>
internal static class MosquittoHashes
{
    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Scheme is not (HashScheme.MosquittoSha512 or HashScheme.MosquittoPbkdf2) || PasswordBytes.IsTooLong(password) ||
            Base64Text.Decode(hash.Salt) is not { } salt || Base64Text.Decode(hash.Digest) is not { Length: 64 } stored)
        {
            return false;
        }

        return Compute(hash.Scheme, password, salt, (int)(hash.Cost ?? 0)).AsSpan().SequenceEqual(stored);
    }

    /// <summary>The full field for the 1.x format ("$6$") or, with <paramref name="iterations"/>, the 2.x one ("$7$").</summary>
    public static string Compute(string password, byte[] salt, int? iterations = null)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var scheme = iterations is null ? HashScheme.MosquittoSha512 : HashScheme.MosquittoPbkdf2;
        var digest = Convert.ToBase64String(Compute(scheme, password, salt, iterations ?? 0));
        var prefix = iterations is null ? "$6$" : "$7$" + iterations.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "$";
        return prefix + Convert.ToBase64String(salt) + "$" + digest;
    }

    private static byte[] Compute(HashScheme scheme, string password, byte[] salt, int iterations)
    {
        var key = PasswordBytes.Encode(password);
        if (scheme == HashScheme.MosquittoPbkdf2)
        {
            return Rfc2898DeriveBytes.Pbkdf2(key, salt, iterations, HashAlgorithmName.SHA512, 64);
        }

        var input = new byte[key.Length + salt.Length];
        key.CopyTo(input, 0);
        salt.CopyTo(input, key.Length);
        return SHA512.HashData(input);
    }
}
