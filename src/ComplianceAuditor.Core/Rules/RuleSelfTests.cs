namespace ComplianceAuditor.Core.Rules;

/// <summary>
/// Samples a text or byte check must match, and samples it must not match. <c>rules verify</c> runs them,
/// so a rule that stops catching what it was written for fails at load time, not in the field.
/// </summary>
public sealed record RuleSelfTests(IReadOnlyList<string> MustMatch, IReadOnlyList<string> MustNotMatch)
{
    public static RuleSelfTests None { get; } = new([], []);

    public bool IsEmpty => MustMatch.Count == 0 && MustNotMatch.Count == 0;
}
