using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update;

/// <summary>The check kinds of this family, for explicit registration.</summary>
public static class UpdateChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new McubootImageCheck(),
    ];
}
