using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The results grouped by rule. Whether a result counts for a provision depends only on its rule, so each provision
/// asks a few dozen rules instead of every result (tens of thousands on a large image).
/// </summary>
internal sealed class ResultIndex
{
    private readonly IReadOnlyList<CheckResult> _results;
    private readonly (RuleDefinition Rule, List<int> Positions)[] _byRule;

    public ResultIndex(IReadOnlyList<CheckResult> results)
    {
        _results = results;
        var groups = new Dictionary<string, (RuleDefinition Rule, List<int> Positions)>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var rule = results[i].Rule;
            if (!groups.TryGetValue(rule.Id, out var group))
            {
                group = (rule, []);
                groups.Add(rule.Id, group);
            }

            group.Positions.Add(i);
        }

        _byRule = [.. groups.Values];
    }

    /// <summary>The provision's results in their original order, which the verdict's reasons list from.</summary>
    public CheckResult[] Linked(string schemeId, ProvisionDefinition provision)
    {
        var positions = new List<int>();
        foreach (var (rule, rulePositions) in _byRule)
        {
            if (ProvisionJudge.IsLinked(schemeId, provision, rule))
            {
                positions.AddRange(rulePositions);
            }
        }

        positions.Sort();
        return [.. positions.Select(i => _results[i])];
    }
}
