using ComplianceAuditor.ProcessEvidence.Advisories;
using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using ComplianceAuditor.ProcessEvidence.Documentation;
using ComplianceAuditor.ProcessEvidence.Sbom;
using ComplianceAuditor.ProcessEvidence.Support;

namespace ComplianceAuditor.ProcessEvidence;

/// <summary>Everything the process-evidence parsers found in one repository view.</summary>
public sealed record ProcessEvidenceReport(
    SecurityTxtDocument? SecurityTxt,
    SecurityPolicyReport SecurityPolicy,
    SupportPeriodReport SupportPeriod,
    SbomReport Sbom,
    CiPracticeReport Practices,
    AdvisoryReport Advisories,
    DocumentationReport Documentation)
{
    /// <summary>Runs every parser over <paramref name="files"/>; <paramref name="referenceTime"/> decides what has expired.</summary>
    public static ProcessEvidenceReport Scan(IRepositoryFiles files, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new ProcessEvidenceReport(
            Disclosure.SecurityTxt.Find(files, referenceTime),
            Disclosure.SecurityPolicy.Read(files),
            Support.SupportPeriod.Find(files, referenceTime),
            SbomFiles.Find(files),
            CiPractices.Find(files),
            SecurityAdvisories.Find(files),
            UserDocumentation.Find(files));
    }
}
