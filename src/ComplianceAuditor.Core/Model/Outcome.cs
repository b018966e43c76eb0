namespace ComplianceAuditor.Core.Model;

/// <summary>
/// The outcome of one rule on one artifact. Every applicable pair is recorded, passes included,
/// so that a scheme score has a denominator.
/// </summary>
public enum Outcome
{
    /// <summary>The rule looked and found nothing wrong.</summary>
    Pass,

    /// <summary>The rule found what it forbids (or missed what it requires).</summary>
    Fail,

    /// <summary>The rule does not apply here; the reason says why.</summary>
    NotApplicable,

    /// <summary>The rule applies but could not decide (unreadable input, time limit); the reason says why.</summary>
    Inconclusive,

    /// <summary>The check itself failed unexpectedly; the reason carries the error.</summary>
    Error,
}
