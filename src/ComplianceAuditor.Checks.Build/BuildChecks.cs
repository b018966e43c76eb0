using ComplianceAuditor.Checks.Build.Coverage;
using ComplianceAuditor.Checks.Build.Hardening;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Build;

/// <summary>The check kinds of this family, for explicit registration.</summary>
public static class BuildChecks
{
    public static IEnumerable<ICheck> All() => [new BuildHardeningCheck(), new BuildHardeningCoverageCheck()];
}
