using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ComplianceAuditor.Update.Trust;

/// <summary>
/// The keys and certificates a user trusts (<c>--public-key</c>, repeatable): public keys in PEM or DER, X.509
/// certificates (their keys verify raw signatures; as a keyring they anchor CMS chains), or a PEM bundle of several.
/// Private keys are refused: a trust anchor never needs one, and reading one into a report would leak it.
/// </summary>
public sealed class TrustAnchors
{
    public static TrustAnchors Empty { get; } = new([], []);

    public TrustAnchors(IReadOnlyList<TrustedKey> keys, IReadOnlyList<X509Certificate2> certificates)
    {
        Keys = keys;
        Certificates = certificates;
    }

    /// <summary>Every trusted public key, those of the certificates included.</summary>
    public IReadOnlyList<TrustedKey> Keys { get; }

    /// <summary>The trusted certificates, for chain building (RAUC keyrings, SWUpdate CMS).</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; }

    public bool IsEmpty => Keys.Count == 0;

    /// <summary>The anchors in these files; throws <see cref="TrustAnchorException"/> naming the file that is not usable.</summary>
    public static TrustAnchors Load(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var keys = new List<TrustedKey>();
        var certificates = new List<X509Certificate2>();
        foreach (var (name, bytes) in files)
        {
            var before = keys.Count;
            Read(name, bytes, keys, certificates);
            if (keys.Count == before)
            {
                throw new TrustAnchorException($"{name}: no public key or certificate found (PEM PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, or their DER)");
            }
        }

        return new TrustAnchors(keys, certificates);
    }

    private static void Read(string name, byte[] bytes, List<TrustedKey> keys, List<X509Certificate2> certificates)
    {
        var text = Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            AddDer(name, bytes, keys, certificates);
            return;
        }

        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new TrustAnchorException($"{name}: holds a private key; give the public key (openssl pkey -pubout) instead");
        }

        for (var rest = text.AsSpan(); PemEncoding.TryFind(rest, out var field); rest = rest[field.Location.End..])
        {
            var label = rest[field.Label].ToString();
            var der = Convert.FromBase64String(rest[field.Base64Data].ToString());
            try
            {
                switch (label)
                {
                    case "CERTIFICATE":
                        AddCertificate(name, der, keys, certificates);
                        break;
                    case "PUBLIC KEY" when SpkiIsUsable(der):
                        AddKey(name, der, keys);
                        break;
                    case "PUBLIC KEY":
                        throw new TrustAnchorException($"{name}: a PUBLIC KEY block that is not an RSA, EC or Ed25519 key");
                    case "RSA PUBLIC KEY":
                        AddKey(name, PublicKeyForms.SpkiFromPkcs1(der), keys);
                        break;
                    default:
                        break;
                }
            }
            catch (CryptographicException e)
            {
                throw new TrustAnchorException($"{name}: the {label} block cannot be read: {e.Message}", e);
            }
        }
    }

    private static void AddDer(string name, byte[] der, List<TrustedKey> keys, List<X509Certificate2> certificates)
    {
        if (SpkiIsUsable(der))
        {
            AddKey(name, der, keys);
            return;
        }

        try
        {
            AddCertificate(name, der, keys, certificates);
        }
        catch (CryptographicException)
        {
            // Last form: a bare PKCS#1 RSAPublicKey, as MCUboot and U-Boot tools write it.
            try
            {
                AddKey(name, PublicKeyForms.SpkiFromPkcs1(der), keys);
            }
            catch (CryptographicException)
            {
                throw new TrustAnchorException($"{name}: not a DER public key, RSA public key or certificate");
            }
        }
    }

    private static void AddCertificate(string name, byte[] der, List<TrustedKey> keys, List<X509Certificate2> certificates)
    {
        var certificate = X509CertificateLoader.LoadCertificate(der);
        certificates.Add(certificate);
        AddKey($"{name} ({certificate.Subject})", certificate.PublicKey.ExportSubjectPublicKeyInfo(), keys);
    }

    private static void AddKey(string name, byte[] spki, List<TrustedKey> keys) =>
        keys.Add(new TrustedKey(name, spki, Convert.ToHexStringLower(SHA256.HashData(spki))));

    /// <summary>Whether the DER is a SubjectPublicKeyInfo of an algorithm we can use.</summary>
    private static bool SpkiIsUsable(byte[] der) => PublicKeyVerifier.Family(der) is not null;
}
