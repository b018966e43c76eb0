using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Whether a provision's conditions hold, from declared facts only: a condition holds when its fact is declared with
/// the condition's value, fails when declared otherwise, and counts as holding when not declared — the tool never
/// assumes a provision away.
/// </summary>
internal static class Applicability
{
    public sealed record Outcome(IReadOnlyList<string> NotHolding, IReadOnlyList<DeclaredFact> Facts)
    {
        public bool NotApplicable => NotHolding.Count > 0;
    }

    public static Outcome Decide(SchemeDefinition scheme, ProvisionDefinition provision, Declaration declaration)
    {
        var notHolding = new List<string>();
        var facts = new List<DeclaredFact>();
        foreach (var id in provision.Conditions)
        {
            var condition = scheme.Conditions.FirstOrDefault(c => c.Id == id);
            if (condition is null || declaration.Fact(condition.Fact) is not { } fact)
            {
                continue;
            }

            facts.Add(fact);
            if (!fact.Is(condition.EqualsValue))
            {
                notHolding.Add($"condition ({condition.Id}) does not hold: \"{condition.Text}\" — declared {condition.Fact} = {fact.Value}");
            }
        }

        return new Outcome(notHolding, facts.Distinct().ToArray());
    }
}
