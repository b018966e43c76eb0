using ComplianceAuditor.Checks.Update.Judges;
using ComplianceAuditor.Checks.Update.Reading;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update;

/// <summary>
/// <c>update-image</c>: every update or boot image in the target (MCUboot, ESP-IDF, SUIT, FIT, uImage, vbmeta,
/// SWUpdate, RAUC, Mender, Matter OTA, OpenWrt sysupgrade) read by its format and verified, then judged by
/// <c>find</c>: <c>unsigned</c>, <c>test-key</c>, <c>untrusted</c> (needs <c>--public-key</c>),
/// <c>no-rollback-counter</c>, <c>unauthenticated-format</c>, <c>weakness</c> with the <c>weaknesses</c> codes and
/// the <c>formats</c> that can show them, and for the IETF architecture requirements <c>multiple-signers</c>,
/// <c>manifest-size</c> (against <c>--device-ram</c>) and <c>bootloader-size</c> (against <c>maxBytes</c>). An artifact is read and verified once for all rules; files that are not update
/// images are not applicable.
/// </summary>
public sealed class UpdateImageCheck(IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors, long? deviceRam = null) : ICheck
{
    private static readonly string[] Finds =
        ["unsigned", "test-key", "untrusted", "no-rollback-counter", "unauthenticated-format", "weakness", "multiple-signers", "manifest-size", "bootloader-size"];

    public string Kind => "update-image";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Binary, ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find", "weaknesses", "formats", "needsRollbackField", "maxBytes"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var find = rule.Check.GetString("find");
        IUpdateJudge judge = find switch
        {
            "unsigned" => new UnsignedJudge(),
            "test-key" => new TestKeyJudge(),
            "untrusted" => new UntrustedJudge(),
            "no-rollback-counter" => new RollbackCounterJudge(),
            "unauthenticated-format" => new UnauthenticatedFormatJudge(),
            "multiple-signers" => new SignersJudge(),
            "manifest-size" => new ManifestSizeJudge(deviceRam),
            "bootloader-size" => new BootloaderSizeJudge(rule.Check.GetInt("maxBytes", 65536)),
            "weakness" => new WeaknessJudge(
                rule.Check.Has("weaknesses") ? rule.Check.GetStringList("weaknesses") : throw new CheckParameterException("weaknesses", "check.find 'weakness' needs check.weaknesses, the weakness codes"),
                rule.Check.Has("formats") ? rule.Check.GetStringList("formats") : [],
                rule.Check.GetBool("needsRollbackField", false)),
            _ => throw new CheckParameterException("find", $"check.find '{find}' is not one of {string.Join(", ", Finds)}"),
        };
        var known = formats.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (rule.Check.Has("formats") && rule.Check.GetStringList("formats").FirstOrDefault(f => !known.Contains(f)) is { } unknown)
        {
            throw new CheckParameterException("formats", $"check.formats names '{unknown}', which is none of: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }

        return new Prepared(PathSelection.From(rule.Check, required: false), judge, formats, anchors);
    }

    private sealed class Prepared(PathSelection paths, IUpdateJudge judge, IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) =>
            UpdateImageOutcome.Evaluate(context, formats, anchors, inspection => judge.Judge(inspection, anchors));
    }
}
