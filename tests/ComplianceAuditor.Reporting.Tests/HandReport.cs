using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>Small reports built by hand, for what a real audit cannot easily produce (planted names, thousands of findings).</summary>
internal static class HandReport
{
    public static AuditReport With(IReadOnlyList<ResultEntry> results, IReadOnlyList<SchemeEntry>? schemes = null) => new()
    {
        Tool = new ToolInfo { Name = "ComplianceAuditor", Version = "0.0.0-test", InformationUri = "https://example.invalid", RulesetSha256 = new string('a', 64) },
        GeneratedAt = SampleAudit.FixedTime,
        Inputs = [new InputEntry { Name = "fw.bin", Kind = "firmware", Sha256 = new string('b', 64), Size = 1, ArtifactCount = 1 }],
        Artifacts = [],
        Rules = [],
        Results = results,
        Summary = new ResultSummary
        {
            Outcomes = new Dictionary<string, int> { ["fail"] = results.Count },
            FailuresBySeverity = new Dictionary<string, int> { ["high"] = results.Count(r => r.Waiver is not { Applied: true }) },
            Waived = results.Count(r => r.Waiver is { Applied: true }),
        },
        Schemes = schemes ?? [],
    };

    public static ResultEntry Failure(string ruleId, string artifact, string message, WaiverEntry? waiver = null) => new()
    {
        RuleId = ruleId,
        Catalog = [],
        Outcome = "fail",
        Severity = "high",
        Artifact = artifact,
        Message = message,
        Reason = "planted",
        Fingerprint = "v1:" + ruleId + artifact.GetHashCode(StringComparison.Ordinal),
        Waiver = waiver,
    };

    public static SchemeEntry Scheme(string shortTitle, string kind, IReadOnlyList<ProvisionEntry> provisions) => new()
    {
        Id = "scheme",
        Title = shortTitle,
        ShortTitle = shortTitle,
        Version = "1",
        Kind = kind,
        Rating = new RatingEntry { Model = "stars", Label = "0 STARS", Score = 12.345, Level = 0, MaxLevel = 5, Failed = true, Formula = "f" },
        Summary = new Dictionary<string, int>(),
        Provisions = provisions,
    };

    public static ProvisionEntry FailingProvision(string id, string title, string reason) => new()
    {
        Id = id,
        Title = title,
        Status = "mandatory",
        Assessment = ["automated"],
        Verdict = "fail",
        Reasons = [reason, "second reason, not shown"],
        Results = [],
    };
}
