using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Advisories;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Advisories;

/// <summary>
/// <c>repo-security-advisories</c>: the project tells users about the vulnerabilities it fixes: security advisories, CVE or
/// GHSA identifiers or marked security fixes in its release notes, or a link to where it publishes advisories. The
/// identifiers are reported with the release and date they shipped in. How long a fix took to ship cannot be measured
/// from files alone (when a vulnerability was reported is not in them), and the reason says so.
/// </summary>
internal sealed class SecurityAdvisoriesCheck() : RepositoryCheck("repo-security-advisories", "CHANGELOG, NEWS, HISTORY and release notes, advisory files, and advisory links in README and SECURITY.md")
{
    private const string NoLatency = "how long fixes took to ship is not measured: when each vulnerability was reported is not recorded in these files";

    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.Advisories(cancellationToken);
        var report = scanned.Value;
        if (report.HasSecurityEntries)
        {
            var ids = report.DistinctIds;
            var fixes = report.Of(AdvisoryKind.SecurityFix);
            var parts = new List<string>();
            if (ids.Count > 0)
            {
                parts.Add($"{ids.Count} advisory id(s): {List(ids.Select(Describe), 5)}");
            }

            if (fixes.Count > 0)
            {
                parts.Add($"{fixes.Count} security-fix entr{(fixes.Count == 1 ? "y" : "ies")}, first at {At(fixes[0].Evidence)}");
            }

            var shown = ids.Concat(fixes).Take(MaxEvidence).Select(e => evidence.Item(e.Evidence, Describe(e)));
            return CheckOutcome.Pass($"{string.Join("; ", parts)}; {NoLatency}", [.. shown]);
        }

        var channels = report.Of(AdvisoryKind.PublishedChannel);
        if (channels.Count > 0)
        {
            return CheckOutcome.Pass(
                $"advisories are published outside the repository, linked at {List(channels.Select(c => At(c.Evidence)))} (the linked page was not read); {NoLatency}",
                [.. channels.Take(MaxEvidence).Select(c => evidence.Item(c.Evidence, "a link to published security advisories"))]);
        }

        var read = report.ReleaseNotes.Concat(report.AdvisoryFiles).ToList();
        if (read.Count > 0)
        {
            // Silence is not proof of neglect: a young project may have had nothing to fix.
            return evidence.NotFound(
                $"{List(read.Select(Name))} name{(read.Count == 1 ? "s" : "")} no CVE, GHSA or security fix: either no vulnerability has been fixed yet or fixes are not marked as such, which needs a reader",
                scanned.Blocking, Outcome.Inconclusive);
        }

        return evidence.NotFound("no release notes (CHANGELOG, NEWS, HISTORY, RELEASE-NOTES) and no security advisories tell users which vulnerabilities were fixed", scanned.Blocking);
    }

    private static string Describe(AdvisoryEntry entry)
    {
        var shipped = (entry.Release, entry.ReleaseDate) switch
        {
            ({ } release, { } date) => $" in {DisplayText.Sanitize(release, 40)} of {Date(date)}",
            ({ } release, null) => $" in {DisplayText.Sanitize(release, 40)}",
            _ => "",
        };
        return entry.Kind switch
        {
            AdvisoryKind.Cve or AdvisoryKind.Ghsa => $"{entry.Id}{shipped} ({At(entry.Evidence)})",
            _ => $"a security fix{shipped}",
        };
    }
}
