using System.Security.Cryptography;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

// The scheme is SHA-1 by definition: these hashes are tested to show they are weak, nothing is protected with them.
#pragma warning disable CA5350

/// <summary>"{SHA}" (base64 of SHA-1 of the password) and "{SSHA}" (SHA-1 of password then salt, followed by the salt).</summary>
internal static class LdapSha
{
    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Scheme is not (HashScheme.LdapSha or HashScheme.LdapSsha) || PasswordBytes.IsTooLong(password) ||
            Base64Text.Decode(hash.Digest) is not { Length: >= 20 } stored)
        {
            return false;
        }

        var key = PasswordBytes.Encode(password);
        var salt = stored.AsSpan(20);
        var input = new byte[key.Length + salt.Length];
        key.CopyTo(input, 0);
        salt.CopyTo(input.AsSpan(key.Length));
        return SHA1.HashData(input).AsSpan().SequenceEqual(stored.AsSpan(0, 20));
    }

    /// <summary>The "{SHA}" field for <paramref name="password"/>.</summary>
    public static string ComputeSha(string password) => "{SHA}" + Convert.ToBase64String(SHA1.HashData(PasswordBytes.Encode(password)));
}
