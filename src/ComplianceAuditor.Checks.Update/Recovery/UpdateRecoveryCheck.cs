using ComplianceAuditor.Checks.Update.Frameworks;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Configuration;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Checks.Update.Recovery;

/// <summary>
/// <c>update-recovery</c>: a device that updates must keep a second slot or a recovery path (power-fail safety,
/// CHK-UPD-08). Evidence of a fallback anywhere in the target passes; evidence of a single slot, with none of a
/// fallback, fails; no layout evidence at all on a device that updates is inconclusive, and a target with no sign
/// of updating is not applicable.
/// </summary>
public sealed class UpdateRecoveryCheck(IReadOnlyList<IUpdateFormat> formats) : ICheck
{
    public string Kind => "update-recovery";

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = [];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options) => new Prepared(formats);

    private sealed class Prepared(IReadOnlyList<IUpdateFormat> formats) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "partition tables, slot trailers, update-client slot settings, build configurations, U-Boot environments and fstabs";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var frameworks = context.Scratch.GetOrAdd("update-framework", () => FrameworkScan.Of(context.Inventory));
            var evidence = RecoveryEvidence.Of(context.Inventory, formats, frameworks, cancellationToken);
            var present = evidence.Items.Where(i => i.State == Presence.Present).ToList();
            var absent = evidence.Items.Where(i => i.State == Presence.Absent).ToList();
            if (present.Count > 0)
            {
                return CheckOutcome.Pass(string.Join("; ", present.Take(3).Select(i => i.Reason)),
                    [.. present.Take(10).Select(i => new EvidenceItem { Kind = "file", Path = i.Path, Description = i.Reason })]);
            }

            if (evidence.UpdatePaths.Count == 0)
            {
                return CheckOutcome.NotApplicable(absent.Count > 0
                    ? $"no update mechanism was found ({absent[0].Reason})"
                    : "no update mechanism was found, so there is no update to survive");
            }

            if (absent.Count > 0)
            {
                return CheckOutcome.Fail(
                    $"the device updates ({evidence.UpdatePaths[0]}) but keeps no second slot or recovery path: {string.Join("; ", absent.Take(3).Select(i => i.Reason))}",
                    [.. absent.Take(10).Select(i => new EvidenceItem { Kind = "file", Path = i.Path, Description = i.Reason })],
                    string.Join('\n', absent.Select(i => i.Reason).Order(StringComparer.Ordinal)));
            }

            return CheckOutcome.Inconclusive(
                $"the device updates ({evidence.UpdatePaths[0]}) but no partition table, slot configuration or boot counter was found to show how it survives a failed update");
        }
    }
}
