using System.Globalization;
using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Rules.UserFiles;

/// <summary>
/// Answers that declared facts give to the provisions they settle (facts.yaml <c>settles</c>): a published address
/// is the evidence that a policy or support period is published; a boolean answers yes or no; a date never shows a
/// provision met on its own (a date is not a publication), but a support period that ended before the audit means
/// the provision is not met. An explicit answer in the declaration always wins.
/// </summary>
internal static class ImpliedAnswers
{
    public static IEnumerable<ProvisionAnswer> From(IReadOnlyList<DeclaredFact> facts, RuleSet ruleSet, IReadOnlyList<ProvisionAnswer> explicitAnswers, DateOnly auditDate)
    {
        var byProvision = facts
            .Select(f => (Fact: f, Definition: ruleSet.FindFact(f.Fact)!))
            .SelectMany(f => f.Definition.Settles.Select(p => (Provision: p, f.Fact, f.Definition)))
            .Where(x => explicitAnswers.All(a => a.Provision != x.Provision))
            .GroupBy(x => x.Provision);
        foreach (var group in byProvision)
        {
            var ended = group.FirstOrDefault(x => x.Definition.Type == FactType.Date && Ended(x.Fact.Value, auditDate));
            var denied = group.FirstOrDefault(x => x.Definition.Type == FactType.Boolean && x.Fact.Value == "false");
            if (ended.Fact is { } past)
            {
                yield return new ProvisionAnswer(group.Key, false, null, $"declared {past.Fact} = {past.Value}: the period ended before the audit");
            }
            else if (denied.Fact is { } no)
            {
                yield return new ProvisionAnswer(group.Key, false, null, $"declared {no.Fact} = false");
            }
            else if (group.Any(x => x.Definition.Type != FactType.Date))
            {
                yield return new ProvisionAnswer(group.Key, true, string.Join("; ", group.Select(x => $"declared {x.Fact.Fact} = {x.Fact.Value}")), null);
            }
        }
    }

    private static bool Ended(string date, DateOnly auditDate) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && end < auditDate;
}
