using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>
/// A fresh two-level PKI (CA and code-signing certificate, RSA-2048) made with .NET, and CMS SignedData made with
/// BouncyCastle, detached or encapsulating the content, as <c>openssl cms -sign -binary -outform DER</c> does.
/// </summary>
internal sealed class CmsFixture : IDisposable
{
    private CmsFixture(RSA caKey, X509Certificate2 ca, RSA signerKey, X509Certificate2 signer)
    {
        CaKey = caKey;
        Ca = ca;
        SignerKey = signerKey;
        Signer = signer;
    }

    public RSA CaKey { get; }

    public X509Certificate2 Ca { get; }

    public RSA SignerKey { get; }

    public X509Certificate2 Signer { get; }

    public byte[] CaPem => System.Text.Encoding.ASCII.GetBytes(Ca.ExportCertificatePem());

    public static CmsFixture Create(string name = "Test")
    {
        var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={name} Root CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest($"CN={name} Release Signer", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var signer = signerRequest.Create(ca, now.AddDays(-1), now.AddYears(1), [1, 2, 3, 4]);
        return new CmsFixture(caKey, ca, signerKey, signer);
    }

    /// <summary>DER SignedData over <paramref name="content"/>, with the signer certificate included.</summary>
    public byte[] Sign(byte[] content, bool encapsulate)
    {
        var certificate = new X509CertificateParser().ReadCertificate(Signer.RawData);
        var generator = new CmsSignedDataGenerator();
        generator.AddSigner(PrivateKeyFactory.CreateKey(SignerKey.ExportPkcs8PrivateKey()), certificate, CmsSignedGenerator.DigestSha256);
        generator.AddCertificates(CollectionUtilities.CreateStore(new[] { certificate }));
        return generator.Generate(new CmsProcessableByteArray(content), encapsulate).GetEncoded("DER");
    }

    public void Dispose()
    {
        CaKey.Dispose();
        Ca.Dispose();
        SignerKey.Dispose();
        Signer.Dispose();
    }
}
