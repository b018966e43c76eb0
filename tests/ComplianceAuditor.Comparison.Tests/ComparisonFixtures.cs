using System.Text.Json.Nodes;
using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison.Tests;

/// <summary>Small reports for the tests: as read-model records for the comparer, as JSON text for the reader.</summary>
internal static class ComparisonFixtures
{
    public static ReportDocument Report(IReadOnlyList<ReportScheme>? schemes = null, IReadOnlyList<ReportResult>? results = null, string ruleset = "aa") =>
        new(new ReportIdentity("r.json", "0.1.0", ruleset, "2026-01-01T00:00:00+00:00", [new ReportInput("fw.bin", "00")]), results ?? [], schemes ?? []);

    public static ReportScheme Scheme(string id, ReportRating rating, params (string Id, string Verdict)[] provisions) =>
        new(id, id.ToUpperInvariant(), rating, provisions.Select(p => new ReportProvision(p.Id, "title of " + p.Id, "mandatory", p.Verdict)).ToList());

    public static ReportRating Rating(string label, double score = 0, int? level = null) => new(label, score, Level: level);

    public static ReportResult Failure(string fingerprint, bool? waiverApplied = null, string rule = "CMP0001", string artifact = "fw.bin!/etc/shadow") =>
        new(rule, "fail", "high", artifact, "message of " + fingerprint, fingerprint, waiverApplied is { } applied ? new ReportWaiver(applied) : null);

    public static ReportResult Pass(string fingerprint) =>
        new("CMP0001", "pass", "high", "fw.bin!/etc/shadow", "fine", fingerprint);

    /// <summary>A minimal report that satisfies the reader: one input, one failing result, one scheme with one provision.</summary>
    public static JsonObject MinimalJson() => new()
    {
        ["schemaVersion"] = 1,
        ["tool"] = new JsonObject { ["name"] = "ComplianceAuditor", ["version"] = "0.1.0", ["rulesetSha256"] = new string('a', 64) },
        ["generatedAt"] = "2026-01-01T00:00:00+00:00",
        ["inputs"] = new JsonArray(new JsonObject { ["name"] = "fw.bin", ["sha256"] = new string('b', 64) }),
        ["results"] = new JsonArray(new JsonObject
        {
            ["ruleId"] = "CMP2001",
            ["outcome"] = "fail",
            ["severity"] = "critical",
            ["artifact"] = "fw.bin!/etc/shadow",
            ["message"] = "root has no password",
            ["fingerprint"] = "v1:" + new string('c', 32),
        }),
        ["schemes"] = new JsonArray(new JsonObject
        {
            ["id"] = "etsi-en-303-645",
            ["shortTitle"] = "ETSI EN 303 645",
            ["rating"] = new JsonObject { ["label"] = "FAIL", ["score"] = 12.5, ["formula"] = "..." },
            ["provisions"] = new JsonArray(new JsonObject { ["id"] = "5.1-1", ["title"] = "No universal default passwords", ["status"] = "mandatory", ["verdict"] = "fail" }),
        }),
    };
}
