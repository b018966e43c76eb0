using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// <c>update-framework</c>: the update mechanisms a Linux-class target carries (SWUpdate, RAUC, Mender, OSTree,
/// fwupd, hawkBit, opkg, apt, OpenWrt sysupgrade, update scripts) and how they are configured, judged by
/// <c>find</c>: <c>signature-enforcement</c>, <c>downgrade-protection</c>, <c>insecure-transport</c>,
/// <c>plaintext-transport</c>, <c>automatic-checks</c>, <c>no-update-mechanism</c>, or <c>weakness</c> with
/// <c>weaknesses</c>. Every file system of the target (the target's own files, each container's files) is scanned
/// apart, once for all rules.
/// </summary>
public sealed class UpdateFrameworkCheck : ICheck
{
    public string Kind => "update-framework";

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = ["find", "weaknesses"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var find = rule.Check.GetString("find");
        IFrameworkJudge judge = find switch
        {
            "signature-enforcement" => new EnforcementJudge("signature checks", f => f.SignatureEnforcement),
            "downgrade-protection" => new EnforcementJudge("downgrade protection", f => f.DowngradeProtection),
            "insecure-transport" => new TransportJudge(includeSignedPayloads: false),
            "plaintext-transport" => new TransportJudge(includeSignedPayloads: true),
            "automatic-checks" => new AutomaticChecksJudge(),
            "no-update-mechanism" => new PresenceJudge(),
            "weakness" => new FrameworkWeaknessJudge(rule.Check.Has("weaknesses")
                ? rule.Check.GetStringList("weaknesses")
                : throw new CheckParameterException("weaknesses", "check.find 'weakness' needs check.weaknesses, the weakness codes")),
            _ => throw new CheckParameterException("find",
                $"check.find '{find}' is not one of signature-enforcement, downgrade-protection, insecure-transport, plaintext-transport, automatic-checks, no-update-mechanism, weakness"),
        };
        return new Prepared(judge);
    }

    private sealed class Prepared(IFrameworkJudge judge) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "the target's file systems: update tool binaries, their configuration, service units, timers and feeds";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) =>
            judge.Judge(context.Scratch.GetOrAdd("update-framework", () => FrameworkScan.Of(context.Inventory)));
    }
}
