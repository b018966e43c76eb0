using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Mcuboot;

namespace ComplianceAuditor.Checks.Update;

/// <summary>
/// <c>mcuboot-image</c>: an MCUboot image (a file that starts with the MCUboot magic) verified as the bootloader
/// would, then judged by <c>find</c>: <c>unsigned</c> (no signature, or one that does not verify), <c>test-key</c>
/// (signed with a published sample key), <c>no-security-counter</c> (no SEC_CNT, so the hardware counter cannot stop
/// a downgrade). The image is read and verified once per artifact for all three rules.
/// </summary>
public sealed class McubootImageCheck : ICheck
{
    /// <summary>Larger files are not read whole; MCUboot slots are a few megabytes at most.</summary>
    private const long MaxImageBytes = 64L << 20;

    public string Kind => "mcuboot-image";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Binary];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var find = rule.Check.GetString("find");
        return find is "unsigned" or "test-key" or "no-security-counter"
            ? new Prepared(PathSelection.From(rule.Check, required: false), find)
            : throw new CheckParameterException("find", $"check.find '{find}' is not one of unsigned, test-key, no-security-counter");
    }

    private sealed record Reading(McubootImage? Image, McubootVerification? Verification, string? Error);

    private sealed class Prepared(PathSelection paths, string find) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var reading = context.Scratch.GetOrAdd("mcuboot", () => Read(context.Artifact));
            if (reading.Error is { } error)
            {
                return CheckOutcome.Inconclusive(error);
            }

            if (reading.Image is not { } image || reading.Verification is not { } verification)
            {
                return CheckOutcome.NotApplicable("not an MCUboot image (no image magic at the start)");
            }

            // A damaged TLV area may have lost the signature or the counter: no verdict either way.
            if (image.Problem is { } problem)
            {
                return CheckOutcome.Inconclusive($"the MCUboot image is malformed: {problem}");
            }

            return find switch
            {
                "unsigned" => verification.Signature is SignatureStatus.NotSigned or SignatureStatus.Invalid
                    ? Fail(verification.Reason, verification, "unsigned")
                    : CheckOutcome.Pass(verification.Reason),
                "test-key" => verification.Signature == SignatureStatus.SignedWithTestKey
                    ? Fail($"{verification.Reason} ({verification.TestKey!.Origins[0].Repository}: {verification.TestKey.Origins[0].Path})", verification, "test-key")
                    : CheckOutcome.Pass(verification.Signature == SignatureStatus.NotSigned ? "not signed at all (see the signature rule)" : "not signed with a published test key"),
                _ => verification.SecurityCounter is { } counter
                    ? CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"security counter {counter}"))
                    : Fail("the image has no security counter (SEC_CNT), so the bootloader's hardware counter cannot refuse an older image", verification, "no-counter"),
            };
        }

        private static CheckOutcome Fail(string reason, McubootVerification verification, string key) =>
            CheckOutcome.Fail(reason, [new EvidenceItem
            {
                Kind = "structure",
                Description = reason,
                Excerpt = $"signature: {verification.SignatureType ?? "none"}; digest matches: {verification.HashMatches?.ToString() ?? "no digest"}; KEYHASH: {verification.KeyHash ?? "none"}",
            }], key);

        private static Reading Read(Artifact artifact)
        {
            if (artifact.Size > MaxImageBytes)
            {
                return new Reading(null, null, null);
            }

            try
            {
                using var stream = artifact.Content!.OpenRead();
                var bytes = new byte[artifact.Size];
                bytes = bytes[..stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false)];
                if (McubootImage.TryRead(bytes) is not { } image)
                {
                    return new Reading(null, null, null);
                }

                // No trust anchors yet (issue 6 adds --public-key): published test keys are still recognised by KEYHASH.
                return new Reading(image, McubootVerifier.Verify(bytes, image, []), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Reading(null, null, $"the file could not be read: {Core.Text.IoErrors.Describe(e)}");
            }
        }
    }
}
