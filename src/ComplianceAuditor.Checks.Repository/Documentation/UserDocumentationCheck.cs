using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Documentation;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Documentation;

/// <summary>
/// User documentation explains one topic, one kind per topic (registered in <see cref="RepositoryChecks"/>):
/// <c>repo-docs-update-behaviour</c>, <c>repo-docs-secure-setup</c> and <c>repo-docs-data-deletion</c>. A heading about
/// the topic, or a sentence that only documentation of it would contain, passes; the evidence names it.
/// </summary>
internal sealed class UserDocumentationCheck(string kind, DocTopic topic, string what) : RepositoryCheck(kind, "README and manual files at the root, and docs/, doc/, documentation/, manual/ and guide/")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.Documentation(cancellationToken);
        var report = scanned.Value;
        var found = report.Of(topic);
        if (found.Count > 0)
        {
            return CheckOutcome.Pass(
                $"{what} is covered at {List(found.Select(f => At(f.Evidence) + (f.IsHeading ? " (heading)" : "")))}",
                [.. found.Take(MaxEvidence).Select(f => evidence.Item(f.Evidence, f.IsHeading ? $"a heading about {what}" : $"a sentence about {what}"))]);
        }

        var reason = report.Documents.Count > 0
            ? $"none of the {report.Documents.Count} user document(s) read ({List(report.Documents.Select(Name))}) explains {what}"
            : $"the repository has no user documentation (README, docs/, manual) to explain {what}";
        return evidence.NotFound(reason, scanned.Blocking,
            items: [.. report.Documents.Take(MaxEvidence).Select(d => evidence.File(d, $"user documentation without a word on {what}"))],
            evidenceKey: report.Documents.Count > 0 ? "not-covered" : "no-documentation");
    }
}
