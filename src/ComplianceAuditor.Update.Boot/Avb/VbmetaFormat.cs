using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>
/// Android Verified Boot 2.0 vbmeta images (a standalone <c>vbmeta.img</c>, starting with "AVB0"). Verified as
/// libavb does: the hash in the authentication block against the hash of the header and the auxiliary block, and the
/// RSA PKCS#1 v1.5 signature over the same bytes with the public key the image carries (its SHA-1 is the key id, as
/// avbtool prints it). The device's own key decides in the end; give it as a trust anchor. The header's
/// <c>rollback_index</c> is the anti-rollback value. Algorithm NONE means unsigned: no signatures.
/// Weakness codes:
/// <list type="bullet">
/// <item><c>avb-verification-disabled</c>: flag VERIFICATION_DISABLED is set, so the bootloader skips verifying the
/// partitions this vbmeta describes.</item>
/// <item><c>avb-hashtree-disabled</c>: flag HASHTREE_DISABLED is set, so dm-verity does not protect the partitions.</item>
/// <item><c>avb-rollback-index-zero</c>: the rollback index is 0, the value every older image has too, so the stored
/// index never refuses one.</item>
/// </list>
/// </summary>
public sealed class VbmetaFormat : IUpdateFormat
{
    public string Name => "Android vbmeta";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes.Span;
        if (VbmetaHeader.TryRead(bytes) is not { } header)
        {
            return null;
        }

        var algorithm = AvbAlgorithm.For(header.AlgorithmType);

        // The inspection holds this list; the descriptors and the key add their facts to it as they are read.
        var facts = VbmetaFacts.FromHeader(header, algorithm);
        var problem = header.Validate(bytes.Length)
            ?? (header.AlgorithmType > AvbAlgorithm.Highest ? string.Create(CultureInfo.InvariantCulture, $"algorithm type {header.AlgorithmType} is not one libavb knows") : null);
        var inspection = new UpdateInspection
        {
            Format = Name,

            // Sizes beyond what fits in a long are a problem already; the decision data is the whole vbmeta.
            ManifestBytes = header.AuthenticationSize < int.MaxValue && header.AuxiliarySize < int.MaxValue
                ? VbmetaHeader.Size + (long)header.AuthenticationSize + (long)header.AuxiliarySize
                : null,
            Rollback = new RollbackValue("rollback index", header.RollbackIndex,
                string.Create(CultureInfo.InvariantCulture, $"vbmeta header offset 112 (rollback_index_location {header.RollbackIndexLocation})")),
            Problem = problem,
            Facts = facts,
            Weaknesses = Weaknesses(header),
        };
        if (problem is not null)
        {
            return header.AlgorithmType == 0 ? inspection : inspection with
            {
                Signatures =
                [
                    new SignatureFinding(SignatureStatus.Invalid, algorithm?.Name ?? "unknown", null, null, null, $"libavb rejects this vbmeta image: {problem}"),
                ],
            };
        }

        var auxiliary = bytes.Slice(VbmetaHeader.Size + (int)header.AuthenticationSize, (int)header.AuxiliarySize);
        var descriptors = AvbDescriptors.Walk(Slice(auxiliary, header.Descriptors));
        facts.Add(new("descriptors", descriptors.Describe()));
        inspection = inspection with { Problem = descriptors.Problem };
        if (algorithm is null)
        {
            return inspection;
        }

        var authentication = bytes.Slice(VbmetaHeader.Size, (int)header.AuthenticationSize);
        var digest = algorithm.Digest(bytes[..VbmetaHeader.Size], auxiliary);
        var integrity = new IntegrityFinding(
            algorithm.Hash.Name!.Replace("SHA", "SHA-", StringComparison.Ordinal),
            digest.AsSpan().SequenceEqual(Slice(authentication, header.Hash)),
            string.Create(CultureInfo.InvariantCulture, $"the 256-byte header and the {header.AuxiliarySize}-byte auxiliary block"));
        return inspection with
        {
            Integrity = integrity,
            Signatures = [Judge(bytes, header, algorithm, authentication, auxiliary, facts, input.Anchors)],
        };
    }

    private static SignatureFinding Judge(
        ReadOnlySpan<byte> bytes,
        VbmetaHeader header,
        AvbAlgorithm algorithm,
        ReadOnlySpan<byte> authentication,
        ReadOnlySpan<byte> auxiliary,
        List<InspectionFact> facts,
        TrustAnchors anchors)
    {
        var blob = Slice(auxiliary, header.PublicKey);
        var spki = AvbPublicKey.ToSpki(blob);
        string? keyId = null;
        KnownTestKey? named = null;
        if (blob.Length > 0)
        {
#pragma warning disable CA5350 // SHA-1 is how avbtool and the test-key catalogue name AVB keys; it is an identifier here.
            keyId = Convert.ToHexStringLower(SHA1.HashData(blob));
#pragma warning restore CA5350
            named = KnownTestKeys.FindByDigest(KnownTestKeys.AvbPublicKeySha1, keyId)
                ?? (spki is null ? null : KnownTestKeys.Find(Convert.ToHexStringLower(SHA256.HashData(spki))));
            facts.Add(new("public key SHA-1", keyId));
        }

        if (spki is null && blob.Length > 0)
        {
            facts.Add(new("public key", "not a usable AVB RSA key blob"));
        }

        var signature = Slice(authentication, header.Signature).ToArray();
        var signed = new byte[VbmetaHeader.Size + auxiliary.Length];
        bytes[..VbmetaHeader.Size].CopyTo(signed);
        auxiliary.CopyTo(signed.AsSpan(VbmetaHeader.Size));
        var scheme = SignatureScheme.RsaPkcs1(algorithm.Hash, signsDigest: false);
        var finding = SignatureJudge.Judge(
            new SignatureJudge.Candidate(algorithm.Name, key => PublicKeyVerifier.Verifies(scheme, key, signed, signature), keyId, named, spki),
            anchors);
        return finding.Status == SignatureStatus.Invalid && spki is not null && header.Flags != 0
            ? VbmetaFlagPatch.Explain(finding, signed, spki, scheme, signature, header.Flags, facts)
            : finding;
    }

    private static List<UpdateWeakness> Weaknesses(VbmetaHeader header)
    {
        var weaknesses = new List<UpdateWeakness>();
        if ((header.Flags & VbmetaHeader.FlagVerificationDisabled) != 0)
        {
            weaknesses.Add(new("avb-verification-disabled", "the vbmeta flag VERIFICATION_DISABLED is set: the bootloader does not verify the partitions it describes"));
        }

        if ((header.Flags & VbmetaHeader.FlagHashtreeDisabled) != 0)
        {
            weaknesses.Add(new("avb-hashtree-disabled", "the vbmeta flag HASHTREE_DISABLED is set: dm-verity does not check the partitions at run time"));
        }

        if (header.RollbackIndex == 0)
        {
            weaknesses.Add(new("avb-rollback-index-zero", "the rollback index is 0: the device's stored index never refuses an older image"));
        }

        return weaknesses;
    }

    /// <summary>An area already checked by <see cref="VbmetaHeader.Validate"/> to lie inside its block.</summary>
    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> block, (ulong Offset, ulong Size) area) => block.Slice((int)area.Offset, (int)area.Size);
}
