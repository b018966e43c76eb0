namespace ComplianceAuditor.Engine;

/// <summary>Whether a check runs once per selected artifact or once per target.</summary>
public enum CheckScope
{
    /// <summary>One result per artifact the rule selects (by path and kind).</summary>
    Artifact,

    /// <summary>One result per target, about the target as a whole (for example "this file must exist").</summary>
    Target,
}
