using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Sbom;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Sbom;

/// <summary>
/// <c>repo-sbom</c>: the repository holds a software bill of materials (a CycloneDX or SPDX document, recognised by its
/// content) or a CI job generates one. A file named like an SBOM whose content is not one does not count, and is named.
/// </summary>
internal sealed class SbomCheck() : RepositoryCheck("repo-sbom", "CycloneDX and SPDX documents (bom.json, *.cdx.json, *.spdx.json, *.spdx, *sbom*) and CI workflows")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.Sbom(cancellationToken);
        var report = scanned.Value;
        if (report.Findings.Count > 0)
        {
            return CheckOutcome.Pass(
                $"SBOM evidence: {List(report.Findings.Select(Describe))}",
                [.. report.Findings.Take(MaxEvidence).Select(f => evidence.Item(f.Evidence, Describe(f)))]);
        }

        var reason = report.RejectedCandidates.Count > 0
            ? $"no SBOM: {List(report.RejectedCandidates.Select(Name))} {(report.RejectedCandidates.Count == 1 ? "is" : "are")} named like an SBOM but not a CycloneDX or SPDX document, and no CI job generates one"
            : "no CycloneDX or SPDX document is committed and no CI job generates one";
        return evidence.NotFound(reason, scanned.Blocking,
            items: [.. report.RejectedCandidates.Take(MaxEvidence).Select(p => evidence.File(p, "named like an SBOM, but its content is not one"))]);
    }

    private static string Describe(SbomFinding finding)
    {
        var version = finding.Detail.Length > 0 ? " " + DisplayText.Sanitize(finding.Detail, 40) : "";
        return finding.Kind switch
        {
            SbomKind.CycloneDxJson => $"CycloneDX{version} JSON at {At(finding.Evidence)}",
            SbomKind.CycloneDxXml => $"CycloneDX XML at {At(finding.Evidence)}",
            SbomKind.SpdxJson => $"{version.Trim()} JSON at {At(finding.Evidence)}",
            SbomKind.SpdxTagValue => $"{version.Trim()} tag-value at {At(finding.Evidence)}",
            _ => $"generated in CI by{version} at {At(finding.Evidence)}",
        };
    }
}
