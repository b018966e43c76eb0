using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Ci;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Practices;

/// <summary>
/// A development practice the repository shows, one kind per practice (registered in <see cref="RepositoryChecks"/>):
/// <c>repo-static-analysis</c>, <c>repo-fuzzing</c>, <c>repo-code-owners</c>, <c>repo-threat-model</c>,
/// <c>repo-dependency-scanning</c> and <c>repo-release-signing</c>. Passes with the tools and where they run; fails when
/// none is found in a fully read tree.
/// </summary>
internal sealed class PracticeCheck(string kind, string what, string looksAt, string missing, params CiPractice[] practices) : RepositoryCheck(kind, looksAt)
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.Practices(cancellationToken);
        var found = scanned.Value.Findings.Where(f => practices.Contains(f.Practice)).ToList();
        if (found.Count == 0)
        {
            return evidence.NotFound(missing, scanned.Blocking);
        }

        var tools = found.GroupBy(f => f.Tool, StringComparer.Ordinal).Select(g => $"{DisplayText.Sanitize(g.Key, 40)} ({At(g.First().Evidence)})");
        return CheckOutcome.Pass(
            $"found {List(tools)}",
            [.. found.Take(MaxEvidence).Select(f => evidence.Item(f.Evidence, $"{what}: {f.Tool}"))]);
    }
}
