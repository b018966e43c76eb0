using ComplianceAuditor.Update.Trust;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// Decides whether a signer certificate chains to one of the certificates the user trusts, the way a RAUC keyring or
/// SWUpdate's CA file is used: each step is an issuer whose name matches and whose key verifies the certificate's
/// signature, taken from the message's own certificates or the anchors. Any trusted certificate on the path ends it
/// (a partial chain to a trusted intermediate counts). Validity dates and revocation are not checked: the device's
/// clock and CRLs are unknown here, and the reason says so.
/// </summary>
internal static class CertificateChain
{
    /// <summary>Longer chains do not occur; the bound stops loops of cross-signed certificates.</summary>
    private const int MaxLength = 8;

    /// <summary>The name of the trusted certificate the chain reaches, or null.</summary>
    public static string? FindAnchor(X509Certificate signer, IReadOnlyList<X509Certificate> carried, TrustAnchors anchors)
    {
        if (anchors.Certificates.Count == 0)
        {
            return null;
        }

        var parser = new X509CertificateParser();
        var trusted = new List<(X509Certificate Certificate, string Name)>();
        foreach (var anchor in anchors.Certificates)
        {
            var certificate = parser.ReadCertificate(anchor.RawData);
            trusted.Add((certificate, AnchorName(certificate, anchor.Subject, anchors)));
        }

        var pool = carried.Concat(trusted.Select(t => t.Certificate)).ToList();
        var current = signer;
        for (var step = 0; step < MaxLength; step++)
        {
            foreach (var (certificate, name) in trusted)
            {
                if (certificate.Equals(current))
                {
                    return name;
                }
            }

            var issuer = pool.FirstOrDefault(c => !c.Equals(current) && c.SubjectDN.Equivalent(current.IssuerDN) && IssuedBy(current, c));
            if (issuer is null)
            {
                return null;
            }

            current = issuer;
        }

        return null;
    }

    private static bool IssuedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            return certificate.IsSignatureValid(issuer.GetPublicKey());
        }
        catch (Exception e) when (e is GeneralSecurityException or ArgumentException or InvalidOperationException or IOException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>The anchor's name as <see cref="TrustAnchors"/> recorded it (file and subject), found by its key.</summary>
    private static string AnchorName(X509Certificate certificate, string subject, TrustAnchors anchors)
    {
        var spki = certificate.SubjectPublicKeyInfo.GetDerEncoded();
        return anchors.Keys.FirstOrDefault(k => k.Spki.AsSpan().SequenceEqual(spki))?.Name ?? subject;
    }
}
