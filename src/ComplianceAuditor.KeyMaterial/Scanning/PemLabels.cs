using System.Text;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>PEM labels (RFC 7468 and the ones OpenSSL and OpenSSH write); common ones are shared strings.</summary>
public static class PemLabels
{
    public const string Certificate = "CERTIFICATE";
    public const string X509Certificate = "X509 CERTIFICATE";
    public const string TrustedCertificate = "TRUSTED CERTIFICATE";
    public const string CertificateRequest = "CERTIFICATE REQUEST";
    public const string NewCertificateRequest = "NEW CERTIFICATE REQUEST";
    public const string PrivateKey = "PRIVATE KEY";
    public const string EncryptedPrivateKey = "ENCRYPTED PRIVATE KEY";
    public const string RsaPrivateKey = "RSA PRIVATE KEY";
    public const string EcPrivateKey = "EC PRIVATE KEY";
    public const string DsaPrivateKey = "DSA PRIVATE KEY";
    public const string PublicKey = "PUBLIC KEY";
    public const string RsaPublicKey = "RSA PUBLIC KEY";
    public const string OpenSshPrivateKey = "OPENSSH PRIVATE KEY";

    private static readonly string[] Known =
    [
        Certificate, X509Certificate, TrustedCertificate, CertificateRequest, NewCertificateRequest, PrivateKey,
        EncryptedPrivateKey, RsaPrivateKey, EcPrivateKey, DsaPrivateKey, PublicKey, RsaPublicKey, OpenSshPrivateKey,
    ];

    /// <summary>Returns the shared string for a known label so that scanning a certificate bundle allocates nothing.</summary>
    internal static string FromAscii(ReadOnlySpan<byte> label)
    {
        foreach (var known in Known)
        {
            if (label.Length == known.Length && Ascii.Equals(label, known))
            {
                return known;
            }
        }

        return Encoding.ASCII.GetString(label);
    }
}
