using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

// The scheme is MD5 by definition: these hashes are tested to show they are weak, nothing is protected with them.
#pragma warning disable CA5351

/// <summary>
/// Poul-Henning Kamp's MD5-crypt ("$1$"), which Apache reuses with its own magic ("$apr1$"): the magic string is hashed
/// in, so the two give different results for the same password and salt.
/// </summary>
internal static class Md5Crypt
{
    public const string CryptMagic = "$1$";
    public const string ApacheMagic = "$apr1$";
    private const int Rounds = 1000;

    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Scheme is not (HashScheme.Md5Crypt or HashScheme.AprMd5) || PasswordBytes.IsTooLong(password))
        {
            return false;
        }

        return string.Equals(ComputeDigest(password, hash.Variant, hash.Salt), hash.Digest, StringComparison.Ordinal);
    }

    /// <summary>The full field for <paramref name="password"/> with up to 8 characters of salt.</summary>
    public static string Compute(string password, string salt, string magic = CryptMagic)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length > 8)
        {
            salt = salt[..8];
        }

        return magic + salt + "$" + ComputeDigest(password, magic, salt);
    }

    private static string ComputeDigest(ReadOnlySpan<char> password, string magic, string salt)
    {
        var key = PasswordBytes.Encode(password);
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        var buffer = new byte[(2 * key.Length) + saltBytes.Length + magic.Length + 16 + 64];
        Span<byte> digest = stackalloc byte[16];

        var length = Append(buffer, 0, key, saltBytes, key);
        MD5.HashData(buffer.AsSpan(0, length), digest);

        length = Append(buffer, 0, key, Encoding.ASCII.GetBytes(magic), saltBytes);
        for (var remaining = key.Length; remaining > 0; remaining -= 16)
        {
            length = Append(buffer, length, digest[..Math.Min(16, remaining)]);
        }

        // One byte per bit of the length: a zero byte for a set bit, the password's first byte for a clear one.
        for (var bits = key.Length; bits != 0; bits >>= 1)
        {
            buffer[length++] = (bits & 1) != 0 ? (byte)0 : key[0];
        }

        MD5.HashData(buffer.AsSpan(0, length), digest);

        for (var round = 0; round < Rounds; round++)
        {
            ReadOnlySpan<byte> first = (round & 1) != 0 ? key : digest;
            ReadOnlySpan<byte> last = (round & 1) != 0 ? digest : key;
            length = Append(buffer, 0, first);
            if (round % 3 != 0)
            {
                length = Append(buffer, length, saltBytes);
            }

            if (round % 7 != 0)
            {
                length = Append(buffer, length, key);
            }

            length = Append(buffer, length, last);
            MD5.HashData(buffer.AsSpan(0, length), digest);
        }

        Span<char> text = stackalloc char[22];
        var at = 0;
        ReadOnlySpan<int> order = [0, 6, 12, 1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 5];
        for (var i = 0; i < order.Length; i += 3)
        {
            at = CryptBase64.Write(text, at, digest[order[i]], digest[order[i + 1]], digest[order[i + 2]], 4);
        }

        CryptBase64.Write(text, at, 0, 0, digest[11], 2);
        return new string(text);
    }

    private static int Append(byte[] buffer, int at, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b = default, ReadOnlySpan<byte> c = default)
    {
        a.CopyTo(buffer.AsSpan(at));
        at += a.Length;
        b.CopyTo(buffer.AsSpan(at));
        at += b.Length;
        c.CopyTo(buffer.AsSpan(at));
        return at + c.Length;
    }
}
