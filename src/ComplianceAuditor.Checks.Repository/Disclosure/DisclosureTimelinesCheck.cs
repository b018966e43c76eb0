using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Disclosure;

/// <summary>
/// <c>repo-disclosure-timelines</c>: the disclosure policy says within what time a reporter hears back and how often they
/// are kept informed (ETSI EN 303 645 5.2-1, UK PSTI Schedule 1 paragraph 2). A policy published only on a web page that
/// security.txt points at cannot be read here, which makes the result inconclusive rather than failed.
/// </summary>
internal sealed class DisclosureTimelinesCheck() : RepositoryCheck("repo-disclosure-timelines", "SECURITY.md (root, .github/, docs/) and the Policy field of security.txt")
{
    private static readonly (TimelineKind Kind, string Words)[] Required =
    [
        (TimelineKind.Acknowledgement, "acknowledgement"),
        (TimelineKind.StatusUpdate, "status-update"),
    ];

    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var policy = evidence.Policy(cancellationToken);
        if (policy.Value.Path is not { } path)
        {
            var txt = evidence.SecurityTxt(cancellationToken);
            if (txt.Value?.Fields.FirstOrDefault(f => f.Name.Equals("Policy", StringComparison.OrdinalIgnoreCase)) is { } link)
            {
                return CheckOutcome.Inconclusive(
                    $"the disclosure policy is published at {DisplayText.Sanitize(link.Value)} ({Name(txt.Value.Path ?? "security.txt")} line {link.Line}), " +
                    "outside the repository; whether it says when reporters are acknowledged and kept informed needs a reader");
            }

            return evidence.NotFound("no SECURITY.md says when reporters are acknowledged or kept informed", [.. policy.Problems, .. txt.Problems]);
        }

        var timelines = policy.Value.Timelines;
        var stated = Required.Where(r => policy.Value.HasTimeline(r.Kind)).ToList();
        var items = timelines.Take(MaxEvidence)
            .Select(t => evidence.Item(t.Evidence, $"a promised time for: {string.Join(", ", t.Kinds.Select(k => k.ToString().ToLowerInvariant()))}"))
            .ToList();
        if (stated.Count == Required.Length)
        {
            var at = Required.Select(r => $"{r.Words} at {At(timelines.First(t => t.Kinds.Contains(r.Kind)).Evidence)}");
            return CheckOutcome.Pass($"{Name(path)} states response times: {string.Join("; ", at)}", items);
        }

        var missing = Required.Except(stated).Select(r => r.Words).ToList();
        var reason = $"{Name(path)} states no {string.Join(" or ", missing)} time"
            + (stated.Count > 0 ? $" (only {string.Join(", ", stated.Select(s => s.Words))})" : "")
            + (timelines.Count > 0 && stated.Count == 0 ? $"; its only promised times are about fixes ({List(timelines.Select(t => At(t.Evidence)))})" : "");
        return FailUnlessUnread(reason, policy.Problems, [evidence.File(path, "the disclosure policy"), .. items], "missing:" + string.Join(',', missing));
    }
}
