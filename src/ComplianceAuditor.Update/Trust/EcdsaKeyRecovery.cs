using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Trust;

/// <summary>
/// Recovers the public keys that could have made an ECDSA signature over a digest (at most two per candidate x
/// coordinate). Looking the recovered keys up among the published test keys replaces verifying the signature with
/// each of them in turn, which costs a verification per key. The curve is chosen by the size of r and s, which for
/// a genuine signature is the size of the curve's order (shorter by more than eight bytes with probability 2^-64);
/// every curve whose size fits is tried, since the windows of neighbouring curves overlap.
/// </summary>
internal static class EcdsaKeyRecovery
{
    /// <summary>
    /// The curves published test keys use, built once: BouncyCastle keeps its precomputed multiples of G on the curve
    /// object, and a fresh object per signature would recompute them every time.
    /// </summary>
    private static readonly Lazy<(X9ECParameters X9, ECNamedDomainParameters Domain)[]> Curves = new(() =>
    [
        .. new[]
        {
            X9ObjectIdentifiers.Prime256v1, Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP384r1,
            X9ObjectIdentifiers.Prime192v1, Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP224r1,
        }.Select(oid => Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByOid(oid) is { } x9 ? (x9, new ECNamedDomainParameters(oid, x9)) : default),
    ]);

    /// <summary>The SPKI SHA-256 (hex) of every key that verifies the signature, or empty when none can be recovered.</summary>
    public static IReadOnlyList<string> Recover(SignatureScheme scheme, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var found = new List<string>();
        var digest = scheme.SignsDigest ? data.ToArray() : Digests.Compute(scheme.Hash, data);
        foreach (var (x9, domain) in Curves.Value)
        {
            var size = (x9.N.BitLength + 7) / 8;
            // A DER signature is at most two integers one byte longer than the order, plus headers: anything longer is
            // not parsed at all (a hostile nesting could exhaust the parser's stack).
            if (signature.Length > (2 * (size + 1)) + 8
                || Split(scheme.Kind, signature, size) is not var (r, s) || r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(x9.N) >= 0 || s.CompareTo(x9.N) >= 0)
            {
                continue;
            }

            var e = Truncate(digest, x9.N);
            var rInverse = r.ModInverse(x9.N);
            foreach (var prefix in new byte[] { 0x02, 0x03 })
            {
                // x = r covers all but a 2^-128 fraction of signatures (x = r + n needs x >= n); that case is left out.
                var encoded = new byte[size + 1];
                encoded[0] = prefix;
                var x = r.ToByteArrayUnsigned();
                x.CopyTo(encoded, encoded.Length - x.Length);
                Org.BouncyCastle.Math.EC.ECPoint point;
                try
                {
                    point = x9.Curve.DecodePoint(encoded);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                // Q = r^-1 (sR - eG)
                var q = ECAlgorithms.SumOfTwoMultiplies(point, s.Multiply(rInverse).Mod(x9.N), x9.G, e.Negate().Multiply(rInverse).Mod(x9.N)).Normalize();
                if (q.IsInfinity)
                {
                    continue;
                }

                var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new ECPublicKeyParameters(q, domain)).GetDerEncoded();
                found.Add(Convert.ToHexStringLower(SHA256.HashData(spki)));
            }

            // No early return: r and s of a P-224 or P-192 signature also fit the P-256 size window.
        }

        return found;
    }

    /// <summary>r and s, when the signature has the size of this curve; null otherwise.</summary>
    private static (BigInteger R, BigInteger S)? Split(SignatureKind kind, ReadOnlySpan<byte> signature, int size)
    {
        if (kind == SignatureKind.EcdsaRaw)
        {
            return signature.Length == 2 * size
                ? (new BigInteger(1, signature[..size].ToArray()), new BigInteger(1, signature[size..].ToArray()))
                : null;
        }

        try
        {
            if (Asn1Object.FromByteArray(signature.ToArray()) is not Asn1Sequence { Count: 2 } sequence)
            {
                return null;
            }

            var r = DerInteger.GetInstance(sequence[0]).PositiveValue;
            var s = DerInteger.GetInstance(sequence[1]).PositiveValue;
            var bytes = (Math.Max(r.BitLength, s.BitLength) + 7) / 8;
            return bytes <= size && bytes >= size - 8 ? (r, s) : null;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>The digest as a number, cut to the order's bit length as ECDSA prescribes.</summary>
    private static BigInteger Truncate(byte[] digest, BigInteger order)
    {
        var e = new BigInteger(1, digest);
        var excess = (digest.Length * 8) - order.BitLength;
        return excess > 0 ? e.ShiftRight(excess) : e;
    }
}
