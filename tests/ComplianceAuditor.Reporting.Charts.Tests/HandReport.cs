using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Charts.Tests;

/// <summary>Reports built by hand with exactly the counts, schemes and planted names a chart test needs.</summary>
internal static class HandReport
{
    public static readonly DateTimeOffset FixedTime = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    public static AuditReport With(
        IReadOnlyList<SchemeEntry>? schemes = null,
        IReadOnlyDictionary<string, int>? outcomes = null,
        IReadOnlyDictionary<string, int>? severities = null,
        int waived = 0) => new()
    {
        Tool = new ToolInfo { Name = "ComplianceAuditor", Version = "0.0.0-test", InformationUri = "https://example.invalid", RulesetSha256 = new string('a', 64) },
        GeneratedAt = FixedTime,
        Inputs = [new InputEntry { Name = "fw.bin", Kind = "firmware", Sha256 = new string('b', 64), Size = 1, ArtifactCount = 1 }],
        Artifacts = [],
        Rules = [],
        Results = [],
        Summary = new ResultSummary
        {
            Outcomes = outcomes ?? new Dictionary<string, int> { ["pass"] = 40, ["fail"] = 7, ["notApplicable"] = 12, ["inconclusive"] = 3, ["error"] = 0 },
            FailuresBySeverity = severities ?? new Dictionary<string, int> { ["critical"] = 1, ["high"] = 3, ["medium"] = 2, ["low"] = 0, ["info"] = 0 },
            Waived = waived,
        },
        Schemes = schemes ?? [],
    };

    /// <summary>No result of any outcome: what an audit of an empty folder gives.</summary>
    public static AuditReport Empty(IReadOnlyList<SchemeEntry>? schemes = null) => With(
        schemes,
        new Dictionary<string, int> { ["pass"] = 0, ["fail"] = 0, ["notApplicable"] = 0, ["inconclusive"] = 0, ["error"] = 0 },
        new Dictionary<string, int> { ["critical"] = 0, ["high"] = 0, ["medium"] = 0, ["low"] = 0, ["info"] = 0 });

    /// <param name="verdicts">One provision per entry, with that verdict.</param>
    public static SchemeEntry Scheme(
        string id,
        string shortTitle,
        double score,
        string model = "mandatoryShare",
        string label = "FAIL",
        bool failed = true,
        string? grade = null,
        params string[] verdicts) => new()
    {
        Id = id,
        Title = shortTitle + " (full title)",
        ShortTitle = shortTitle,
        Version = "1",
        Kind = "standard",
        Rating = new RatingEntry { Model = model, Label = label, Score = score, Grade = grade, Failed = failed, Formula = "f" },
        // Left empty on purpose for most tests: the chart must then count the provisions themselves.
        Summary = new Dictionary<string, int>(),
        Provisions = verdicts.Select((v, i) => Provision("P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray(),
    };

    public static ProvisionEntry Provision(string id, string verdict) => new()
    {
        Id = id,
        Title = "Provision " + id,
        Status = "mandatory",
        Assessment = ["automated"],
        Verdict = verdict,
        Reasons = [],
        Results = [],
    };

    /// <summary>Three schemes, the ETSI one second so that "preferred when present" is not "first".</summary>
    public static AuditReport ThreeSchemes() => With(
    [
        Scheme("uk-psti", "UK PSTI", 80, model: "passFail", verdicts: ["pass", "pass", "fail"]),
        Scheme("etsi-en-303-645", "ETSI EN 303 645", 55, verdicts: ["pass", "fail", "inconclusive", "notApplicable", "notAssessed"]),
        Scheme("ioxt", "ioXt", 30, model: "stars", label: "2 STARS", failed: false, verdicts: ["pass", "notAssessed"]),
    ]);
}
