using System.Collections.Concurrent;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine;

/// <summary>
/// Shares the strings of results: the message depends only on the rule and the outcome, and most reasons repeat
/// ("none of the byte patterns occurs in the file"), so tens of thousands of results hold one copy of each instead
/// of one per result. Memory on large trees grows with the number of results; this keeps each one small.
/// </summary>
internal sealed class ResultText
{
    /// <summary>Bounds the pool: reasons that are all different (with offsets, counts) stop being pooled past this.</summary>
    private const int MaxPooled = 100_000;

    private readonly ConcurrentDictionary<(string RuleId, Outcome Outcome), string> _messages = new();
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.Ordinal);

    public string Message(RuleDefinition rule, Outcome outcome) =>
        _messages.GetOrAdd((rule.Id, outcome), _ => outcome switch
        {
            Outcome.Pass => rule.PassMessage ?? $"Passed: {rule.Title}",
            Outcome.Fail => rule.FailMessage ?? rule.Title,
            Outcome.NotApplicable => $"Not applicable: {rule.Title}",
            Outcome.Inconclusive => $"Could not decide: {rule.Title}",
            _ => $"The check could not run: {rule.Title}",
        });

    public string? Reason(string? reason)
    {
        if (reason is null || reason.Length > 300)
        {
            return reason;
        }

        if (_reasons.TryGetValue(reason, out var pooled))
        {
            return pooled;
        }

        return _reasons.Count < MaxPooled ? _reasons.GetOrAdd(reason, reason) : reason;
    }
}
