using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// The SBOM's serial number: a UUID derived from what decides the SBOM's content (the inputs' SHA-256s, the tool
/// version, the rule set's hash and the declaration's hash, when one was used), not a random one. A rerun on the same
/// inputs gives the same file; a changed declaration or rule set changes the content and so gives a new serial, as
/// CycloneDX asks of a BOM that is not the same document.
/// </summary>
internal static class CycloneDxSerial
{
    public static string For(AuditReport report)
    {
        var material = new StringBuilder("ComplianceAuditor CycloneDX serial\n");
        material.Append(report.Tool.Name).Append('\n').Append(report.Tool.Version).Append('\n');
        material.Append("ruleset ").Append(report.Tool.RulesetSha256).Append('\n');
        // Labelled, so a declaration's hash can never be taken for one more input's.
        material.Append("declaration ").Append(report.Declaration?.Sha256 ?? "none").Append('\n');
        foreach (var sha in report.Inputs.Select(i => i.Sha256).Order(StringComparer.Ordinal))
        {
            material.Append(sha).Append('\n');
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString()))[..16];
        // RFC 9562 version 8 (a custom, here hash-based, layout) and the RFC variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
