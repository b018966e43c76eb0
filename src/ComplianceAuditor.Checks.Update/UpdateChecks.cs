using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update;

/// <summary>The check kinds of this family, for explicit registration.</summary>
public static class UpdateChecks
{
    /// <summary>
    /// The checks, verifying signatures against <paramref name="anchors"/> (the <c>--public-key</c> files) and
    /// comparing manifests with the RAM the manufacturer declares (<c>--device-ram</c>), when given.
    /// </summary>
    public static IEnumerable<ICheck> All(TrustAnchors anchors, long? deviceRam = null) =>
    [
        new UpdateImageCheck(UpdateFormatRegistry.All(), anchors, deviceRam),
        new RollbackRegressionCheck(UpdateFormatRegistry.All(), anchors),
        new CodeEvidence.UpdateCodeEvidenceCheck(),
        new Frameworks.UpdateFrameworkCheck(),
        new BuildConfig.BuildConfigCheck(),
        new Recovery.UpdateRecoveryCheck(UpdateFormatRegistry.All()),
    ];

    /// <summary>The checks without trust anchors: published test keys are still recognised.</summary>
    public static IEnumerable<ICheck> All() => All(TrustAnchors.Empty);
}
