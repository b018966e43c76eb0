using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>A provision's verdict, the reasons for it, and the results it rests on.</summary>
public sealed record ProvisionAssessment(
    ProvisionDefinition Provision,
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CheckResult> Results);
