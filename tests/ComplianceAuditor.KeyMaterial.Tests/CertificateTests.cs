using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class CertificateTests
{
    [Theory]
    [InlineData("cert-selfsigned-expired.pem")]
    [InlineData("cert-selfsigned-expired.der")]
    public void Expired_self_signed_certificate_is_described(string name)
    {
        var item = Fixture.Single(name);
        var certificate = item.Certificate!;

        Assert.Equal(KeyKind.Certificate, item.Kind);
        Assert.Equal((KeyAlgorithm.Rsa, 2048), (item.Algorithm, item.Bits));
        Assert.Equal("CN=Expired Self-Signed", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.IsSelfSigned);
        Assert.True(certificate.IsCa);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), certificate.NotBefore);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), certificate.NotAfter);
        Assert.True(certificate.IsExpiredAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("1000", certificate.SerialHex);
        Assert.Equal(CertificateKeyUsage.KeyCertSign | CertificateKeyUsage.CrlSign, certificate.KeyUsage);
    }

    [Fact]
    public void Ca_signed_code_signing_certificate_is_not_self_signed()
    {
        var item = Fixture.Single("cert-codesign.pem");
        var certificate = item.Certificate!;

        Assert.False(certificate.IsSelfSigned);
        Assert.False(certificate.IsCa);
        Assert.Equal("CN=Fixture Root CA", certificate.Issuer);
        Assert.True(certificate.IsCodeSigning);
        Assert.Equal(CertificateKeyUsage.DigitalSignature, certificate.KeyUsage);
        Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithmOid);
    }

    [Fact]
    public void Ec_ca_certificate_verifies_its_own_signature()
    {
        var item = Fixture.Single("ca.pem");

        Assert.Equal((KeyAlgorithm.Ec, "secp256r1"), (item.Algorithm, item.Curve));
        Assert.True(item.Certificate!.IsSelfSigned);
    }

    [Fact]
    public void Certificate_whose_issuer_equals_its_subject_but_signature_fails_is_not_self_signed()
    {
        var der = Fixture.Bytes("cert-selfsigned-expired.der");
        der[^5] ^= 0xFF;

        var item = Assert.Single(KeyMaterialFinder.Find(der).Items);

        Assert.Equal(item.Certificate!.Subject, item.Certificate.Issuer);
        Assert.False(item.Certificate.IsSelfSigned);
    }

    [Fact]
    public void Certificate_request_is_confirmed_with_the_key_it_asks_for()
    {
        var item = Fixture.Single("csr-codesign.pem");

        Assert.Equal(KeyKind.CertificateRequest, item.Kind);
        Assert.Equal(Fixture.ExpectedSpki["cert-codesign.pem"], item.SpkiSha256);
        Assert.Equal("subject: O=Fixture,CN=Fixture Code Signing", item.Note);
    }
}
