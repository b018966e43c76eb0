using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Benchmark;

/// <summary>
/// Grows a real report to a given number of failures: each extra failure is a copy of a real one on a copied artifact
/// (own path, own fingerprint), so every writer sees long, varied evidence rather than one repeated line.
/// </summary>
internal static class ScaledReport
{
    private static readonly string[] Outcomes = ["pass", "fail", "notApplicable", "inconclusive", "error"];
    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    public static AuditReport Grow(AuditReport report, int failures)
    {
        var seeds = report.Results.Where(r => r.Outcome is "fail" or "inconclusive").ToArray();
        if (seeds.Length == 0)
        {
            throw new InvalidOperationException("the report has no failure to copy");
        }

        var existing = report.Results.Count(r => r.Outcome == "fail");
        var results = report.Results.ToList();
        var artifacts = report.Artifacts.ToList();
        var byPath = report.Artifacts.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; existing + i < failures; i++)
        {
            var seed = seeds[i % seeds.Length];
            var path = $"{seed.Artifact}.copy{(i / seeds.Length) + 1}";
            results.Add(seed with { Artifact = path, Outcome = "fail", Reason = seed.Reason ?? "copied", Fingerprint = Fingerprint(path, seed.RuleId) });
            if (byPath.TryGetValue(seed.Artifact, out var artifact) && !byPath.ContainsKey(path))
            {
                var copy = artifact with { Path = path };
                byPath[path] = copy;
                artifacts.Add(copy);
            }
        }

        return report with { Results = results, Artifacts = artifacts, Summary = Summarise(results) };
    }

    private static ResultSummary Summarise(IReadOnlyList<ResultEntry> results)
    {
        var outcomes = Outcomes.ToDictionary(o => o, o => results.Count(r => r.Outcome == o), StringComparer.Ordinal);
        var severities = Severities.ToDictionary(s => s, s => results.Count(r => r.Outcome == "fail" && r.Waiver?.Applied != true && r.Severity == s), StringComparer.Ordinal);
        return new ResultSummary { Outcomes = outcomes, FailuresBySeverity = severities, Waived = results.Count(r => r.Waiver?.Applied == true) };
    }

    private static string Fingerprint(string path, string rule) =>
        "v1:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rule + "\n" + path)))[..32];
}
