using ComplianceAuditor.Credentials.Hashes;
using Org.BouncyCastle.Crypto.Digests;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// The NT hash as crypt(3) stores it ("$3$$" and hex): MD4 of the password widened to 16 bits, no salt. Like FreeBSD
/// and libxcrypt, each byte of the password is widened on its own, which equals UTF-16LE for ASCII passwords only.
/// </summary>
internal static class NtHashScheme
{
    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        return hash.Scheme == HashScheme.NtHash && !PasswordBytes.IsTooLong(password) &&
               string.Equals(ComputeHex(password), hash.Digest, StringComparison.Ordinal);
    }

    public static string ComputeHex(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var bytes = PasswordBytes.Encode(password);
        var input = new byte[2 * bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            input[2 * i] = bytes[i];
        }

        var md4 = new MD4Digest();
        md4.BlockUpdate(input, 0, input.Length);
        var output = new byte[md4.GetDigestSize()];
        md4.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }
}
