using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary><c>weakness</c>: an update mechanism's configuration shows one of the weaknesses the rule names.</summary>
internal sealed class FrameworkWeaknessJudge(IReadOnlyCollection<string> codes) : IFrameworkJudge
{
    public CheckOutcome Judge(FrameworkScan scan)
    {
        var all = scan.Findings.ToList();
        if (all.Count == 0)
        {
            return CheckOutcome.NotApplicable("no update mechanism was found");
        }

        var found = all.SelectMany(f => f.Finding.Weaknesses.Where(w => codes.Contains(w.Code, StringComparer.Ordinal)).Select(w => (f.View, f.Finding, Weakness: w))).ToList();
        if (found.Count == 0)
        {
            return CheckOutcome.Pass($"{string.Join(", ", all.Select(f => f.Finding.Name).Distinct(StringComparer.Ordinal))}: none of {string.Join(", ", codes)}");
        }

        return CheckOutcome.Fail(
            string.Join("; ", found.Select(f => $"{FrameworkScan.Name(f.View, f.Finding)}: {f.Weakness.Description}")),
            [.. found.Select(f => FrameworkScan.File(f.View, f.Finding.Evidence is [var first, ..] ? first : "/", $"{f.Weakness.Code}: {f.Weakness.Description}"))],
            string.Join('\n', found.Select(f => $"{f.Finding.Name}:{f.Weakness.Code}:{f.Weakness.Description}").Order(StringComparer.Ordinal)));
    }
}
