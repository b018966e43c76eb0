using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>A scheme with a verdict for every one of its provisions (none dropped), its summary and its rating.</summary>
public sealed record SchemeAssessment(
    SchemeDefinition Scheme,
    IReadOnlyList<ProvisionAssessment> Provisions,
    SchemeSummary Summary,
    SchemeRating Rating);
