using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The results as runs of one rule, counted in a single pass. Whether a result counts for a provision depends only on
/// its rule, so each provision looks at a few dozen runs instead of every result (hundreds of thousands on a large
/// tree).
/// </summary>
internal sealed class ResultIndex
{
    private readonly IReadOnlyList<CheckResult> _results;
    private readonly List<ResultRun> _runs = [];

    public ResultIndex(IReadOnlyList<CheckResult> results, AppliedWaivers waivers)
    {
        _results = results;
        ResultRun? run = null;
        var position = 0;
        foreach (var result in results)
        {
            if (run is null || !string.Equals(run.Rule.Id, result.RuleId, StringComparison.Ordinal))
            {
                run = new ResultRun(result.Rule, position);
                _runs.Add(run);
            }

            run.Add(result, waivers);
            position++;
        }
    }

    /// <summary>Every rule's run, in the audit's order.</summary>
    public IReadOnlyList<ResultRun> Runs => _runs;

    /// <summary>The provision's results in their original order, which the verdict's reasons list from.</summary>
    public LinkedResults Linked(string schemeId, ProvisionDefinition provision) =>
        new(_results, _runs.Where(r => ProvisionJudge.IsLinked(schemeId, provision, r.Rule)).ToArray());
}
