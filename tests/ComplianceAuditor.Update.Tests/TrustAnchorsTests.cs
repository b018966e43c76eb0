using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Tests;

/// <summary>The forms a lab hands us its device keys in (--public-key), and the files that must be refused.</summary>
public sealed class TrustAnchorsTests
{
    [Fact]
    public void PEM_public_keys_PKCS1_RSA_keys_DER_and_certificates_all_become_anchors()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Device Vendor Update CA", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));

        var anchors = TrustAnchors.Load(
        [
            ("ec.pem", Encoding.ASCII.GetBytes(ec.ExportSubjectPublicKeyInfoPem())),
            ("rsa-pkcs1.pem", Encoding.ASCII.GetBytes(PemEncoding.WriteString("RSA PUBLIC KEY", rsa.ExportRSAPublicKey()))),
            ("ec.der", ec.ExportSubjectPublicKeyInfo()),
            ("ca.pem", Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
        ]);

        Assert.Equal(4, anchors.Keys.Count);
        Assert.Single(anchors.Certificates);
        Assert.Equal(anchors.Keys[1].SpkiSha256, anchors.Keys[3].SpkiSha256);
        Assert.Contains("CN=Device Vendor Update CA", anchors.Keys[3].Name, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ec.ExportSubjectPublicKeyInfo())), anchors.Keys[0].SpkiSha256);
    }

    [Fact]
    public void A_PEM_bundle_gives_every_certificate_in_it()
    {
        using var one = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var two = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var a = new CertificateRequest("CN=a", one, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));
        using var b = new CertificateRequest("CN=b", two, HashAlgorithmName.SHA384).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));

        var anchors = TrustAnchors.Load([("keyring.pem", Encoding.ASCII.GetBytes(a.ExportCertificatePem() + "\n" + b.ExportCertificatePem()))]);

        Assert.Equal(2, anchors.Certificates.Count);
        Assert.Equal(2, anchors.Keys.Count);
    }

    [Fact]
    public void A_private_key_is_refused_with_the_file_named_and_how_to_get_the_public_half()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<TrustAnchorException>(() => TrustAnchors.Load([("signing.pem", Encoding.ASCII.GetBytes(ec.ExportPkcs8PrivateKeyPem()))]));

        Assert.StartsWith("signing.pem: holds a private key", error.Message, StringComparison.Ordinal);
        Assert.Contains("-pubout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "just some text")]
    [InlineData("empty.pem", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")]
    public void A_file_without_a_key_is_refused_by_name(string name, string content)
    {
        var error = Assert.Throws<TrustAnchorException>(() => TrustAnchors.Load([(name, Encoding.ASCII.GetBytes(content))]));

        Assert.StartsWith(name + ": ", error.Message, StringComparison.Ordinal);
    }
}
