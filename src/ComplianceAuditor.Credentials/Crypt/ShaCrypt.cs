using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// Ulrich Drepper's SHA-256-crypt ("$5$") and SHA-512-crypt ("$6$"): up to 16 characters of salt, 5000 rounds unless
/// "rounds=N" says otherwise (clamped to 1000..999,999,999).
/// </summary>
internal static class ShaCrypt
{
    public const int DefaultRounds = 5000;
    public const int MinRounds = 1000;
    public const int MaxRounds = 999_999_999;
    private const int MaxSaltLength = 16;

    // Which digest bytes make each 4-character group of the output: a fixed shuffle, built from its stride.
    private static readonly int[] Order256 = BuildOrder(30, 10, 21);
    private static readonly int[] Order512 = BuildOrder(63, 21, 22);

    public static bool Verify(PasswordHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Scheme is not (HashScheme.Sha256Crypt or HashScheme.Sha512Crypt) || hash.Cost is not { } rounds ||
            PasswordBytes.IsTooLong(password))
        {
            return false;
        }

        var digest = ComputeDigest(hash.Scheme == HashScheme.Sha512Crypt, password, hash.Salt, (int)rounds);
        return string.Equals(digest, hash.Digest, StringComparison.Ordinal);
    }

    /// <summary>
    /// The full field, as crypt(3) writes it, for <paramref name="setting"/> ("$5$salt", "$6$rounds=N$salt", or a whole
    /// earlier hash).
    /// </summary>
    public static string Compute(string password, string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var sha512 = setting.StartsWith("$6$", StringComparison.Ordinal);
        if (!sha512 && !setting.StartsWith("$5$", StringComparison.Ordinal))
        {
            throw new ArgumentException("setting must start with $5$ or $6$", nameof(setting));
        }

        var rest = setting[3..];
        var rounds = DefaultRounds;
        var roundsGiven = false;
        if (rest.StartsWith("rounds=", StringComparison.Ordinal) && rest.IndexOf('$', StringComparison.Ordinal) is var end and > 7)
        {
            var requested = ulong.Parse(rest.AsSpan(7, end - 7), NumberStyles.None, CultureInfo.InvariantCulture);
            rounds = (int)Math.Clamp(requested, MinRounds, MaxRounds);
            roundsGiven = true;
            rest = rest[(end + 1)..];
        }

        var saltEnd = rest.IndexOf('$', StringComparison.Ordinal);
        var salt = saltEnd >= 0 ? rest[..saltEnd] : rest;
        if (salt.Length > MaxSaltLength)
        {
            salt = salt[..MaxSaltLength];
        }

        var prefix = setting[..3] + (roundsGiven ? "rounds=" + rounds.ToString(CultureInfo.InvariantCulture) + "$" : "");
        return prefix + salt + "$" + ComputeDigest(sha512, password, salt, rounds);
    }

    private static string ComputeDigest(bool sha512, ReadOnlySpan<char> password, string salt, int rounds)
    {
        var size = sha512 ? 64 : 32;
        var key = PasswordBytes.Encode(password);
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        var name = sha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;

        using var context = IncrementalHash.CreateHash(name);
        Span<byte> alternate = stackalloc byte[size];
        context.AppendData(key);
        context.AppendData(saltBytes);
        context.AppendData(key);
        context.GetHashAndReset(alternate);

        context.AppendData(key);
        context.AppendData(saltBytes);
        for (var remaining = key.Length; remaining > 0; remaining -= size)
        {
            context.AppendData(alternate[..Math.Min(size, remaining)]);
        }

        // One block per bit of the length: the alternate digest for a set bit, the password for a clear one.
        for (var bits = key.Length; bits > 0; bits >>= 1)
        {
            context.AppendData((bits & 1) != 0 ? alternate : key);
        }

        Span<byte> current = stackalloc byte[size];
        context.GetHashAndReset(current);

        // P: the digest of the password repeated once per byte of it, cut to the password's length; S likewise
        // from the salt repeated 16 + (first byte of the digest) times.
        for (var i = 0; i < key.Length; i++)
        {
            context.AppendData(key);
        }

        var p = Stretch(context.GetHashAndReset(), key.Length);
        for (var i = 0; i < 16 + current[0]; i++)
        {
            context.AppendData(saltBytes);
        }

        var s = Stretch(context.GetHashAndReset(), saltBytes.Length);

        var buffer = new byte[(2 * Math.Max(size, p.Length)) + s.Length + p.Length];
        for (var round = 0; round < rounds; round++)
        {
            var odd = (round & 1) != 0;
            var length = Put(buffer, 0, odd ? p : current);
            if (round % 3 != 0)
            {
                length = Put(buffer, length, s);
            }

            if (round % 7 != 0)
            {
                length = Put(buffer, length, p);
            }

            length = Put(buffer, length, odd ? current : p);
            if (sha512)
            {
                SHA512.HashData(buffer.AsSpan(0, length), current);
            }
            else
            {
                SHA256.HashData(buffer.AsSpan(0, length), current);
            }
        }

        return Encode(current, sha512 ? Order512 : Order256);
    }

    private static byte[] Stretch(byte[] digest, int length)
    {
        var result = new byte[length];
        for (var at = 0; at < length; at += digest.Length)
        {
            digest.AsSpan(0, Math.Min(digest.Length, length - at)).CopyTo(result.AsSpan(at));
        }

        return result;
    }

    private static int Put(byte[] buffer, int at, ReadOnlySpan<byte> data)
    {
        data.CopyTo(buffer.AsSpan(at));
        return at + data.Length;
    }

    private static string Encode(ReadOnlySpan<byte> digest, int[] order)
    {
        var groups = order.Length / 3;
        var tail = digest.Length == 64 ? 2 : 3;
        Span<char> text = stackalloc char[(groups * 4) + tail];
        var at = 0;
        for (var i = 0; i < order.Length; i += 3)
        {
            at = CryptBase64.Write(text, at, digest[order[i]], digest[order[i + 1]], digest[order[i + 2]], 4);
        }

        // The bytes left over: SHA-512 has one (63), SHA-256 two (31 and 30).
        if (digest.Length == 64)
        {
            CryptBase64.Write(text, at, 0, 0, digest[63], 2);
        }
        else
        {
            CryptBase64.Write(text, at, 0, digest[31], digest[30], 3);
        }

        return new string(text);
    }

    /// <summary>
    /// Group k takes bytes a, a+stride, a+2*stride (modulo the span), with a = k*step: (0,10,20), (21,1,11),
    /// (12,22,2)... for SHA-256 and (0,21,42), (22,43,1), (44,2,23)... for SHA-512.
    /// </summary>
    private static int[] BuildOrder(int span, int stride, int step)
    {
        var groups = span / 3;
        var order = new int[groups * 3];
        for (var k = 0; k < groups; k++)
        {
            var first = k * step % span;
            order[3 * k] = first;
            order[(3 * k) + 1] = (first + stride) % span;
            order[(3 * k) + 2] = (first + (2 * stride)) % span;
        }

        return order;
    }
}
