using ComplianceAuditor.KeyMaterial.Parsing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>
/// A DSA public key with 16,000-bit parameters would make BouncyCastle's validation run for seconds per key; such keys
/// are rejected before that, with the reason, and a real-sized one still parses.
/// </summary>
public sealed class OversizedDsaTests
{
    private static byte[] Spki(int pBits, int qBits)
    {
        var random = new SecureRandom();
        var p = new BigInteger(pBits, random).SetBit(pBits - 1);
        var q = new BigInteger(qBits, random).SetBit(qBits - 1);
        var g = new BigInteger(pBits - 8, random);
        var y = new BigInteger(pBits - 8, random);
        var algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.IdDsa, new DsaParameter(p, q, g));
        return new SubjectPublicKeyInfo(algorithm, new DerInteger(y)).GetDerEncoded();
    }

    [Fact]
    public void A_dsa_key_with_absurd_parameters_is_rejected_before_it_is_validated()
    {
        var der = Spki(16000, 16000);

        var findings = KeyMaterialFinder.Find(der);

        Assert.Empty(findings.Items);
        Assert.Contains(findings.Rejected, r => r.Reason!.Contains("larger than any real key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dsa_key_of_real_size_is_still_read()
    {
        var der = Fixture.Bytes("dsa2048-spki.der");

        var item = Assert.Single(KeyMaterialFinder.Find(der).Items);

        Assert.Equal(KeyAlgorithm.Dsa, item.Algorithm);
        Assert.Equal(2048, item.Bits);
    }
}
