using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class PrivateKeyTests
{
    [Theory]
    [InlineData("rsa1024-pkcs1.pem", 1024, "PKCS#1", CandidateEncoding.Pem)]
    [InlineData("rsa1024-pkcs8.pem", 1024, "PKCS#8", CandidateEncoding.Pem)]
    [InlineData("rsa2048-pkcs1.pem", 2048, "PKCS#1", CandidateEncoding.Pem)]
    [InlineData("rsa2048-pkcs8.pem", 2048, "PKCS#8", CandidateEncoding.Pem)]
    [InlineData("rsa2048-pkcs1.der", 2048, "PKCS#1", CandidateEncoding.Der)]
    [InlineData("rsa2048-pkcs8.der", 2048, "PKCS#8", CandidateEncoding.Der)]
    [InlineData("rsa2048-openssh", 2048, "OpenSSH", CandidateEncoding.OpenSsh)]
    public void Rsa_private_key_is_confirmed_with_its_size(string name, int bits, string format, CandidateEncoding encoding)
    {
        var item = Fixture.Single(name);

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Rsa, item.Algorithm);
        Assert.Equal(bits, item.Bits);
        Assert.Equal(format, item.Format);
        Assert.Equal(encoding, item.Encoding);
        Assert.True(item.ContainsPrivateKey);
    }

    [Theory]
    [InlineData("ec-p256-sec1.pem", "secp256r1", 256, "SEC1")]
    [InlineData("ec-p256-pkcs8.pem", "secp256r1", 256, "PKCS#8")]
    [InlineData("ec-p256-sec1.der", "secp256r1", 256, "SEC1")]
    [InlineData("ec-p192-sec1.pem", "secp192r1", 192, "SEC1")]
    [InlineData("ec-p192-pkcs8.pem", "secp192r1", 192, "PKCS#8")]
    [InlineData("ec-p192-sec1.der", "secp192r1", 192, "SEC1")]
    public void Ec_private_key_is_confirmed_with_its_curve(string name, string curve, int bits, string format)
    {
        var item = Fixture.Single(name);

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Ec, item.Algorithm);
        Assert.Equal(curve, item.Curve);
        Assert.Equal(bits, item.Bits);
        Assert.Equal(format, item.Format);
    }

    [Theory]
    [InlineData("ed25519-pkcs8.pem", KeyAlgorithm.Ed25519, "PKCS#8")]
    [InlineData("ed25519-pkcs8.der", KeyAlgorithm.Ed25519, "PKCS#8")]
    [InlineData("ed25519-openssh", KeyAlgorithm.Ed25519, "OpenSSH")]
    [InlineData("x25519-pkcs8.pem", KeyAlgorithm.X25519, "PKCS#8")]
    public void Curve25519_private_key_is_confirmed(string name, KeyAlgorithm algorithm, string format)
    {
        var item = Fixture.Single(name);

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(algorithm, item.Algorithm);
        Assert.Equal(format, item.Format);
    }

    [Fact]
    public void Traditional_dsa_key_is_confirmed_with_its_p_size()
    {
        var item = Fixture.Single("dsa2048-traditional.der");

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Dsa, item.Algorithm);
        Assert.Equal(2048, item.Bits);
    }

    [Fact]
    public void Rsa_key_whose_primes_do_not_multiply_to_its_modulus_is_rejected()
    {
        var der = Fixture.Bytes("rsa2048-pkcs1.der");

        // Offset 600 lies inside p: header (4), version (3), n (261), e (5) and d (about 261) come before it.
        var tampered = der.ToArray();
        tampered[600] ^= 0x01;

        var result = KeyMaterialParser.TryParse(tampered, new KeyCandidate(0, tampered.Length, CandidateEncoding.Der));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
        Assert.Contains("inconsistent", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_inside_random_bytes_is_found_at_its_offset()
    {
        var findings = Fixture.Find("embedded-in-binary.bin");

        Assert.Equal(2, findings.Items.Count);
        Assert.Equal(4096, findings.Items[0].Offset);
        Assert.Equal(KeyKind.PrivateKey, findings.Items[0].Kind);
        Assert.Equal(Fixture.ExpectedSpki["rsa2048-pkcs8.der"], findings.Items[0].SpkiSha256);
        Assert.Equal(KeyKind.Certificate, findings.Items[1].Kind);
        Assert.Equal(Fixture.ExpectedSpki["cert-codesign.pem"], findings.Items[1].SpkiSha256);
    }

    [Fact]
    public void Key_in_c_string_literals_is_decoded_through_the_escapes()
    {
        var item = Fixture.Single("key-in-c-source.h");

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(Fixture.ExpectedSpki["ec-p256-sec1.pem"], item.SpkiSha256);
    }
}
