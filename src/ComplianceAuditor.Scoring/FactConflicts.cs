using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Declared facts against the audit's evidence, as the facts catalog describes the contradictions: "declared without
/// an update mechanism, but the audit found an update client". The verdicts still follow the declaration where
/// nothing failed; the conflict is for the reader to resolve.
/// </summary>
internal static class FactConflicts
{
    public static IReadOnlyList<FactConflict> Find(Declaration declaration, IReadOnlyList<FactDefinition> facts, IReadOnlyList<ResultRun> runs)
    {
        var conflicts = new List<FactConflict>();
        foreach (var fact in facts)
        {
            if (declaration.Fact(fact.Id) is not { } declared)
            {
                continue;
            }

            foreach (var contradiction in fact.ContradictedBy.Where(c => declared.Is(c.Value)))
            {
                var shown = runs
                    .Where(r => contradiction.Rules.Contains(r.Rule.Id) || r.Rule.Catalog.Any(contradiction.Checks.Contains))
                    .SelectMany(r => Examples(r, contradiction.Outcome))
                    .Take(OwnEvidence.MaxListed)
                    .ToArray();
                if (shown.Length > 0)
                {
                    conflicts.Add(new FactConflict(
                        fact.Id,
                        declared.Value,
                        $"declared {fact.Id} = {declared.Value}, but the audit {contradiction.Says} ({string.Join(", ", shown.Select(r => $"{r.RuleId} on {r.Artifact}"))})",
                        shown.Select(r => r.Fingerprint).ToArray()));
                }
            }
        }

        return conflicts;
    }

    private static List<CheckResult> Examples(ResultRun run, Outcome outcome) => outcome switch
    {
        Outcome.Pass => run.FirstPassed,
        // A waived failure is still evidence of what the device does.
        Outcome.Fail => [.. run.FirstFailed, .. run.FirstWaived],
        Outcome.NotApplicable => run.FirstNotApplicable,
        _ => run.FirstUndecided,
    };
}
