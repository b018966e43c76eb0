using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Configuration;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// <c>automatic-checks</c>: some update mechanism must look for updates by itself (a timer, cron entry or polling
/// daemon), so devices nobody looks after still get fixes.
/// </summary>
internal sealed class AutomaticChecksJudge : IFrameworkJudge
{
    public CheckOutcome Judge(FrameworkScan scan)
    {
        var all = scan.Findings.ToList();
        if (all.Count == 0)
        {
            return CheckOutcome.NotApplicable("no update mechanism was found");
        }

        if (all.FirstOrDefault(f => f.Finding.AutomaticChecks.State == Presence.Present) is { Finding: not null } present)
        {
            return CheckOutcome.Pass($"{FrameworkScan.Name(present.View, present.Finding)}: {present.Finding.AutomaticChecks.Reason}");
        }

        var reasons = string.Join("; ", all.Select(f => $"{FrameworkScan.Name(f.View, f.Finding)}: {f.Finding.AutomaticChecks.Reason}"));
        return all.All(f => f.Finding.AutomaticChecks.State == Presence.Absent)
            ? CheckOutcome.Fail($"no update mechanism checks for updates by itself: {reasons}",
                [.. all.Select(f => FrameworkScan.File(f.View, f.Finding.Evidence is [var first, ..] ? first : "/", f.Finding.AutomaticChecks.Reason))],
                string.Join('\n', all.Select(f => f.Finding.Name).Order(StringComparer.Ordinal)))
            : CheckOutcome.Inconclusive(reasons);
    }
}
