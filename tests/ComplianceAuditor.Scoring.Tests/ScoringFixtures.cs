using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>Hand-built catalog, schemes, declarations and results: each test states the exact evidence it judges.</summary>
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
        string id = "P-1",
        string[]? conditions = null,
        ProvisionRef[]? derivedFrom = null) => new()
    {
        Id = id,
        Title = "provision " + id,
        Status = status,
        Assessment = assessment ?? (checks.Length > 0 || derivedFrom is { Length: > 0 } ? [AssessmentMethod.Automated] : [AssessmentMethod.Declaration]),
        Checks = checks,
        Conditions = conditions ?? [],
        DerivedFrom = derivedFrom ?? [],
        Question = "question?",
    };

    /// <summary>A provision assessed only through the provisions it derives from (as the loader requires: automated, no checks).</summary>
    public static ProvisionDefinition Derived(string id, params ProvisionRef[] from) =>
        Provision([], [AssessmentMethod.Automated], id: id, derivedFrom: from);

    public static ProvisionRef Ref(string scheme, string provision) => new(scheme, provision);

    public static SchemeDefinition Scheme(
        string id,
        IReadOnlyList<ProvisionDefinition> provisions,
        SchemeRatingDefinition? rating = null,
        IReadOnlyList<SchemeCondition>? conditions = null) => new()
    {
        Id = id,
        Title = "scheme " + id,
        ShortTitle = id,
        Version = "1",
        Provisions = provisions,
        Rating = rating ?? new SchemeRatingDefinition(RatingModel.MandatoryShare, [], null),
        Conditions = conditions ?? [],
        Source = new SourceFile(id + ".yaml", new Dictionary<string, SourcePosition>()),
    };

    /// <summary>A scheme "s" holding just <paramref name="provision"/>, for judging one provision.</summary>
    public static SchemeDefinition SchemeOf(ProvisionDefinition provision, IReadOnlyList<SchemeCondition>? conditions = null) =>
        Scheme("s", [provision], conditions: conditions);

    public static Declaration Declared(IReadOnlyList<DeclaredFact>? facts = null, IReadOnlyList<ProvisionAnswer>? answers = null) => new()
    {
        Source = "declaration.yaml",
        Sha256 = "0000",
        Facts = facts ?? [],
        Answers = answers ?? [],
    };

    public static DeclaredFact Fact(string id, string value) => new(id, value, []);

    public static DeclaredFact ListFact(string id, params string[] items) => new(id, string.Join(", ", items), items);

    public static ProvisionAnswer Met(string scheme, string provision, string evidence) => new(new ProvisionRef(scheme, provision), true, evidence, null);

    public static ProvisionAnswer NotMet(string scheme, string provision, string justification) => new(new ProvisionRef(scheme, provision), false, null, justification);

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

    /// <summary>A verdict as the rating sees it: the provision's id, status and verdict, nothing else.</summary>
    public static ProvisionAssessment Judged(string id, Verdict verdict, ProvisionStatus status = ProvisionStatus.Mandatory) =>
        new(Provision(["CHK-A-01"], id: id, status: status), verdict, ["reason"], []);
}
