using System.Globalization;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// <c>find: certificate-problems</c>: certificates that are expired at the audit's reference time, and self-signed
/// certificates used as a device or service identity (not a CA). Trust stores are left out: their roots are
/// self-signed by design, and a stale root there is the distribution's business, not the device's identity.
/// </summary>
internal sealed class CertificateProblemFinding(IReadOnlyList<PathGlob> trustStores) : IKeyFinding
{
    public static readonly string[] DefaultTrustStores =
    [
        "**/etc/ssl/certs/**",
        "**/usr/share/ca-certificates/**",
        "**/etc/pki/ca-trust/**",
        "**/etc/pki/tls/certs/ca-bundle*",
        "**/ca-certificates.crt",
        "**/ca-bundle.crt",
        "**/cacert.pem",
    ];

    private static readonly string[] TlsUsages = ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"];

    public IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context)
    {
        if (trustStores.Any(g => g.IsMatch(context.Artifact.RelativePath)))
        {
            return [];
        }

        var found = new List<(KeyMaterialItem, string)>();
        foreach (var item in items.SelectMany(i => i.Contents.Prepend(i)))
        {
            if (item.Certificate is not { } cert)
            {
                continue;
            }

            var problems = new List<string>();
            if (cert.IsExpiredAt(context.Options.ReferenceTime))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"expired on {cert.NotAfter:yyyy-MM-dd}"));
            }

            // A CA root outside a trust store may be there to verify updates; a self-signed certificate that is not a
            // CA, or that names itself a TLS server or client, is an identity nobody can check.
            if (cert.IsSelfSigned && (!cert.IsCa || cert.ExtendedKeyUsages.Any(TlsUsages.Contains)))
            {
                problems.Add("self-signed, so no client can tell it from an attacker's certificate with the same name");
            }

            if (problems.Count > 0)
            {
                found.Add((item, $"certificate '{DisplayText.Sanitize(cert.Subject)}': {string.Join("; ", problems)}"));
            }
        }

        return found;
    }

    public string PassWith(int items) => $"{items} key or certificate item(s), no expired or self-signed end-entity certificate";
}
