using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Consecutive results of one rule (the engine gives each rule a single run) with what a verdict needs of them: how
/// many of each outcome, and the first few of those a verdict's reasons name. Verdicts are worked out from these,
/// so scoring never holds a large audit's results, only a few per rule.
/// </summary>
internal sealed class ResultRun
{
    public ResultRun(RuleDefinition rule, int start)
    {
        Rule = rule;
        Start = start;
    }

    public RuleDefinition Rule { get; }

    /// <summary>Where the run starts in the audit's list of results.</summary>
    public int Start { get; }

    public int Count { get; private set; }

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    /// <summary>Inconclusive or errored.</summary>
    public int Undecided { get; private set; }

    public int NotApplicable { get; private set; }

    /// <summary>Failures a waiver in force accepts: not counted in <see cref="Failed"/>.</summary>
    public int Waived { get; private set; }

    public List<CheckResult> FirstPassed { get; } = [];

    public List<CheckResult> FirstFailed { get; } = [];

    public List<CheckResult> FirstUndecided { get; } = [];

    public List<CheckResult> FirstNotApplicable { get; } = [];

    public List<CheckResult> FirstWaived { get; } = [];

    public void Add(CheckResult result, AppliedWaivers waivers)
    {
        Count++;
        if (waivers.Waives(result))
        {
            Waived++;
            Keep(FirstWaived, result);
            return;
        }

        switch (result.Outcome)
        {
            case Outcome.Pass:
                Passed++;
                Keep(FirstPassed, result);
                break;
            case Outcome.Fail:
                Failed++;
                Keep(FirstFailed, result);
                break;
            case Outcome.NotApplicable:
                NotApplicable++;
                Keep(FirstNotApplicable, result);
                break;
            default:
                Undecided++;
                Keep(FirstUndecided, result);
                break;
        }
    }

    private static void Keep(List<CheckResult> first, CheckResult result)
    {
        if (first.Count < OwnEvidence.MaxListed)
        {
            first.Add(result);
        }
    }
}
