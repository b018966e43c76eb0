using System.Collections.Concurrent;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine;

/// <summary>
/// The message of a result, which depends only on the rule and the outcome: made once per pair of them and shared by
/// every result, and made again the same when a packed result is read back.
/// </summary>
internal sealed class ResultText
{
    private readonly ConcurrentDictionary<(string RuleId, Outcome Outcome), string> _messages = new();

    /// <remarks>The factory is static and takes the rule as an argument: a capturing one was an allocation per result.</remarks>
    public string Message(RuleDefinition rule, Outcome outcome) =>
        _messages.GetOrAdd((rule.Id, outcome), static (key, rule) => key.Outcome switch
        {
            Outcome.Pass => rule.PassMessage ?? $"Passed: {rule.Title}",
            Outcome.Fail => rule.FailMessage ?? rule.Title,
            Outcome.NotApplicable => $"Not applicable: {rule.Title}",
            Outcome.Inconclusive => $"Could not decide: {rule.Title}",
            _ => $"The check could not run: {rule.Title}",
        }, rule);
}
