using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>Hand-built catalog, provisions and results: each test states the exact evidence it judges.</summary>
internal static class ScoringFixtures
{
    public static readonly IReadOnlyList<CatalogCheck> Catalog =
    [
        new("CHK-A-01", "x", "firmware check A", "d", ["firmware"], false),
        new("CHK-B-01", "x", "firmware check B", "d", ["firmware"], false),
        new("CHK-R-01", "x", "repository check", "d", ["repository"], false),
        new("CHK-M-01", "x", "two-image check", "d", ["firmware"], true),
    ];

    public static ScoringContext Firmware { get; } = new([TargetKind.Rootfs], false, Catalog);

    public static ProvisionDefinition Provision(
        string[] checks,
        AssessmentMethod[]? assessment = null,
        ProvisionStatus status = ProvisionStatus.Mandatory,
        string id = "P-1") => new()
    {
        Id = id,
        Title = "provision " + id,
        Status = status,
        Assessment = assessment ?? (checks.Length > 0 ? [AssessmentMethod.Automated] : [AssessmentMethod.Declaration]),
        Checks = checks,
        Question = "question?",
    };

    public static CheckResult Result(string catalogId, Outcome outcome, string ruleId = "CMP9001", string artifact = "fs/etc/x")
    {
        var rule = new RuleDefinition
        {
            Id = ruleId,
            Title = "rule " + ruleId,
            Severity = Severity.High,
            Targets = [TargetKind.Rootfs],
            Artifacts = [],
            Check = new CheckSpec("text-regex", new Dictionary<string, object?>()),
            Catalog = [catalogId],
            Rationale = "r",
            Remediation = "r",
            Source = new SourceFile("t.yaml", new Dictionary<string, SourcePosition>()),
        };
        return new CheckResult
        {
            Rule = rule,
            Outcome = outcome,
            Artifact = artifact,
            Message = "m",
            Reason = outcome == Outcome.Pass ? null : "because",
            EvidenceKey = outcome.ToString(),
        };
    }
}
