using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Configuration;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// <c>signature-enforcement</c> and <c>downgrade-protection</c>: every update mechanism found must enforce the
/// protection. One that leaves it off fails the rule; when the files seen do not decide, the rule is inconclusive
/// with each mechanism's reason.
/// </summary>
internal sealed class EnforcementJudge(string what, Func<UpdateFrameworkFinding, EnforcementVerdict> verdict) : IFrameworkJudge
{
    public CheckOutcome Judge(FrameworkScan scan)
    {
        var all = scan.Findings.Select(f => (f.View, f.Finding, Verdict: verdict(f.Finding))).ToList();
        if (all.Count == 0)
        {
            return CheckOutcome.NotApplicable("no update mechanism (SWUpdate, RAUC, Mender, OSTree, fwupd, opkg, apt, sysupgrade, ...) was found in the target's file systems");
        }

        var off = all.Where(a => a.Verdict.State == Enforcement.NotEnforced).ToList();
        if (off.Count > 0)
        {
            return CheckOutcome.Fail(
                string.Join("; ", off.Select(a => $"{FrameworkScan.Name(a.View, a.Finding)} does not enforce {what}: {a.Verdict.Reason}")),
                [.. off.Select(a => FrameworkScan.File(a.View, a.Finding.Evidence is [var first, ..] ? first : "/", $"{a.Finding.Name}: {a.Verdict.Reason}"))],
                string.Join('\n', off.Select(a => $"{a.Finding.Name}:{a.Verdict.Reason}").Order(StringComparer.Ordinal)));
        }

        var unknown = all.Where(a => a.Verdict.State == Enforcement.Unknown).ToList();
        return unknown.Count > 0
            ? CheckOutcome.Inconclusive(string.Join("; ", unknown.Select(a => $"{FrameworkScan.Name(a.View, a.Finding)}: {a.Verdict.Reason}")))
            : CheckOutcome.Pass(string.Join("; ", all.Select(a => $"{FrameworkScan.Name(a.View, a.Finding)}: {a.Verdict.Reason}")));
    }
}
