using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>
/// A prepared check that must look at its whole target before it can judge one file of it (the C# analyzers need a
/// compilation of every source file). The engine calls <see cref="PrepareTarget"/> once per applicable rule and
/// target, before the target's artifacts are evaluated and outside the per-pair time limit; rules that share the work
/// share it through the <see cref="TargetWork"/> given. The check bounds its own time and records its own failures: the method
/// must not throw for bad input, which its results then report as inconclusive.
/// </summary>
public interface IPreparesTarget
{
    void PrepareTarget(TargetInventory inventory, TargetWork work, CancellationToken cancellationToken);
}
