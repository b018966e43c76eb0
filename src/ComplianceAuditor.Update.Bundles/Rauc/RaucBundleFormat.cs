using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Rauc;

/// <summary>
/// RAUC bundles (<c>.raucb</c>): payload ‖ CMS (DER) ‖ CMS size as u64 big-endian. In the <c>plain</c> format the
/// payload is a squashfs holding the manifest and the CMS signs it detached; in <c>verity</c> and <c>crypt</c> the
/// CMS encapsulates the manifest, which binds the payload by its dm-verity root hash (recomputed here). An encrypted
/// crypt bundle wraps the signed manifest in CMS EnvelopedData, which only a recipient can open.
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>rauc-plain-format</c>: a plain bundle; RAUC deprecates it for verity (plain bundles are verified once, then mounted, so the
/// payload can change after the check).</item>
/// <item><c>rauc-invalid-signature</c>: the CMS signature does not verify (damaged, or the payload or manifest changed after signing).</item>
/// <item><c>rauc-no-signature</c>: the CMS SignedData has no signer.</item>
/// </list>
/// </summary>
public sealed class RaucBundleFormat : IUpdateFormat
{
    public const string PlainFormatWeakness = "rauc-plain-format";
    public const string InvalidSignatureWeakness = "rauc-invalid-signature";
    public const string NoSignatureWeakness = "rauc-no-signature";

    private const string DowngradeNote =
        "the bundle carries no anti-rollback counter; RAUC refuses older bundles only with min-bundle-version in system.conf (checked with the device configuration)";

    public string Name => "RAUC bundle";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var span = input.Bytes.Span;
        if (span.Length < 8 + 16)
        {
            return null;
        }

        // The size is checked against the bytes before the trailer, in unsigned arithmetic, so no value can wrap.
        var cmsSize = BinaryPrimitives.ReadUInt64BigEndian(span[^8..]);
        if (cmsSize == 0 || cmsSize >= (ulong)(span.Length - 8))
        {
            return null;
        }

        var cmsStart = span.Length - 8 - (int)cmsSize;
        var cms = input.Bytes[cmsStart..^8];
        if (!CmsMessage.LooksLikeContentInfo(cms.Span))
        {
            return null;
        }

        return Inspect(input.Bytes[..cmsStart], cms, input);
    }

    private UpdateInspection Inspect(ReadOnlyMemory<byte> payload, ReadOnlyMemory<byte> cms, UpdateInput input)
    {
        var isSquashfs = payload.Span.StartsWith("hsqs"u8);
        var facts = new List<InspectionFact>
        {
            new("payload", string.Create(CultureInfo.InvariantCulture, $"{payload.Length} bytes, {(isSquashfs ? "squashfs" : "not squashfs (encrypted crypt payload)")}")),
            new("CMS size", cms.Length.ToString(CultureInfo.InvariantCulture)),
        };
        var weaknesses = new List<UpdateWeakness>();
        var message = CmsMessage.TryRead(cms.Span, out var problem);
        if (message is null)
        {
            weaknesses.Add(new(InvalidSignatureWeakness, "the CMS signature cannot be decoded"));
            return Result(facts, weaknesses, [new(SignatureStatus.Invalid, "CMS", null, null, null, problem ?? "the CMS cannot be decoded")], null, null, problem);
        }

        if (message.IsEnveloped)
        {
            facts.Add(new("bundle format", "crypt (manifest encrypted)"));
            facts.Add(new("CMS recipients", message.Recipients.ToString(CultureInfo.InvariantCulture)));
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"the signed manifest is encrypted for {message.Recipients} recipient(s) (CMS EnvelopedData); its signature can be checked only with a recipient's private key");
            return Result(facts, weaknesses, [new(SignatureStatus.NotVerifiable, "CMS (encrypted)", null, null, null, reason)], null, null, null);
        }

        if (message.Signed is not { } signed)
        {
            weaknesses.Add(new(NoSignatureWeakness, $"the CMS is of type {message.ContentType}, not SignedData"));
            return Result(facts, weaknesses, [], null, null, $"the CMS is of type {message.ContentType}, not SignedData");
        }

        RaucManifest? manifest = null;
        IntegrityFinding? integrity = null;
        IReadOnlyList<SignatureFinding> signatures;
        if (message.Content is { } content)
        {
            manifest = RaucManifest.Parse(content);
            RaucManifestFacts.Add(manifest, facts);
            signatures = CmsSignatureCheck.Verify(signed, content, "manifest", input.Anchors, facts);
            integrity = RaucManifestFacts.Verity(manifest, payload.Span, facts);
        }
        else
        {
            facts.Add(new("bundle format", "plain"));
            facts.Add(new("manifest", "inside the squashfs payload (not read here); the CMS signs the payload detached"));
            weaknesses.Add(new(PlainFormatWeakness, "plain bundle format: deprecated in favour of verity, whose payload stays verified while it is mounted"));
            signatures = CmsSignatureCheck.Verify(signed, payload, "squashfs payload", input.Anchors, facts);
        }

        if (signatures.Count == 0)
        {
            weaknesses.Add(new(NoSignatureWeakness, "the CMS SignedData has no signer"));
        }
        else if (signatures.Any(s => s.Status == SignatureStatus.Invalid))
        {
            weaknesses.Add(new(InvalidSignatureWeakness, signatures.First(s => s.Status == SignatureStatus.Invalid).Reason));
        }

        return Result(facts, weaknesses, signatures, integrity, manifest?.Get("update", "version"), null);
    }

    private UpdateInspection Result(List<InspectionFact> facts, List<UpdateWeakness> weaknesses, IReadOnlyList<SignatureFinding> signatures,
        IntegrityFinding? integrity, string? version, string? problem)
    {
        facts.Add(new("downgrade protection", DowngradeNote));
        return new UpdateInspection
        {
            Format = Name,
            Signatures = signatures,
            Integrity = integrity,
            RollbackSupported = false,
            Version = version,
            Problem = problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }
}
