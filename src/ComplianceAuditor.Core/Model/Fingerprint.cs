using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Core.Model;

/// <summary>
/// Stable identity of a result, used by baselines, waivers and SARIF partial fingerprints.
/// It hashes the rule id, the artifact's virtual path and a check-chosen evidence key, and nothing that varies
/// between runs (no absolute paths, no time, no line numbers on their own). The format is versioned so that a future
/// change is detected instead of silently resurrecting old findings.
/// </summary>
public static class Fingerprint
{
    /// <summary>Prefix of the current format.</summary>
    public const string Version = "v1";

    public static string Compute(string ruleId, string artifactPath, string evidenceKey)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(artifactPath);
        ArgumentNullException.ThrowIfNull(evidenceKey);

        // Unit separators keep ("a", "bc") and ("ab", "c") apart.
        var material = string.Join('\u001f', Version, ruleId, artifactPath, evidenceKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Version + ":" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
