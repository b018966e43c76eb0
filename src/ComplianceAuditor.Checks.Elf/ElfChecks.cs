using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>The ELF check kinds, for explicit registration.</summary>
public static class ElfChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new NxCheck(),
        new RelroCheck(),
        new StackCanaryCheck(),
        new PieCheck(),
        new FortifyCheck(),
        new RunPathCheck(),
        new WritableExecutableSegmentCheck(),
        new DebugInfoCheck(),
        new ControlFlowProtectionCheck(),
        new DangerousFunctionsCheck(),
    ];
}
