namespace ComplianceAuditor.Cli;

/// <summary>The process exit codes, documented in the README. Small and positive on purpose.</summary>
public static class ExitCodes
{
    /// <summary>The audit ran and nothing reached <c>--fail-on</c>.</summary>
    public const int Ok = 0;

    /// <summary>At least one failure at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtThreshold = 1;

    /// <summary>Bad arguments, or a target that is missing or unreadable.</summary>
    public const int Usage = 2;

    /// <summary>The rules (or other configuration) are invalid.</summary>
    public const int InvalidRules = 3;

    /// <summary>The audit itself failed (an output could not be written, a font is missing, an internal error).</summary>
    public const int AuditFailed = 4;
}
