using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Support;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Support;

/// <summary>
/// <c>repo-support-period</c>: the repository publishes how long the product gets security updates, with an end date
/// that has not passed at the audit's reference time (ETSI EN 303 645 5.3-13, UK PSTI Schedule 1 paragraph 3). Open-ended
/// wording such as "lifetime support" gives no end date and fails, as does a period that has already ended.
/// </summary>
internal sealed class SupportPeriodCheck() : RepositoryCheck("repo-support-period", "README, SECURITY, SUPPORT and lifecycle documents, and docs/")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.SupportPeriod(cancellationToken);
        var report = scanned.Value;
        var today = DateOnly.FromDateTime(evidence.ReferenceTime.UtcDateTime);
        var items = report.Statements.OrderByDescending(s => s.EndDate is not null && !s.IsPast).Take(MaxEvidence)
            .Select(s => evidence.Item(s.Evidence, Describe(s)))
            .ToList();
        switch (report.Status)
        {
            case SupportPeriodStatus.Current:
                var current = report.Statements.Where(s => s.EndDate is not null && !s.IsPast).MaxBy(s => s.EndDate)!;
                return CheckOutcome.Pass($"security support is stated to last until {Date(current.EndDate!.Value)} ({At(current.Evidence)})", items);

            case SupportPeriodStatus.Ended:
                var last = report.Statements.Where(s => s.EndDate is not null).MaxBy(s => s.EndDate)!;
                return CheckOutcome.Fail(
                    $"the stated support period ended on {Date(last.EndDate!.Value)} ({At(last.Evidence)}), before the audit date {Date(today)}, and no statement gives a later end",
                    items, "ended:" + Date(last.EndDate!.Value));

            case SupportPeriodStatus.NoEndDate:
                var openEnded = report.Statements.Where(s => s.IsOpenEnded).Select(s => At(s.Evidence)).ToList();
                var reason = openEnded.Count > 0
                    ? $"support is promised without an end date (open-ended wording at {List(openEnded)}); a period needs a date a buyer can check"
                    : $"support statements at {List(report.Statements.Select(s => At(s.Evidence)))} give no end date";
                return FailUnlessUnread(reason, scanned.Blocking, items, "no-end-date");

            default:
                return evidence.NotFound("no README, SECURITY, SUPPORT or lifecycle document states a security support period", scanned.Blocking);
        }
    }

    private static string Describe(SupportStatement statement) =>
        statement.EndDate is { } end ? $"support until {Date(end)}{(statement.IsPast ? " (passed)" : "")}"
        : statement.IsOpenEnded ? "open-ended support wording"
        : "a support statement without an end date";
}
