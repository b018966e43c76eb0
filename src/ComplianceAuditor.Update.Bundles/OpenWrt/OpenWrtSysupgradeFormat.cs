using System.Globalization;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.OpenWrt;

/// <summary>
/// OpenWrt sysupgrade images with fwtool blocks appended: metadata JSON (supported devices, release) and, on builds
/// that sign images, a signature block. A usign signature (Ed25519 over every byte before the signature block) is
/// verified; a ucert certificate chain, which newer builds append, is recognised but not verified.
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>openwrt-sysupgrade-unsigned</c>: the image carries metadata but no signature block; sysupgrade checks only the CRC and the
/// device name.</item>
/// </list>
/// </summary>
public sealed class OpenWrtSysupgradeFormat : IUpdateFormat
{
    public const string UnsignedWeakness = "openwrt-sysupgrade-unsigned";

    public string Name => "OpenWrt sysupgrade image";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes;
        var trailers = FwtoolTrailer.ReadAll(bytes.Span, out var problem);
        if (trailers.Count == 0 || trailers[0].Type > FwtoolTrailer.MetadataType)
        {
            // fwtool writes only signature and metadata blocks; another type in the last trailer is a coincidence.
            return null;
        }

        var facts = new List<InspectionFact>
        {
            new("image size", string.Create(CultureInfo.InvariantCulture, $"{trailers[^1].BlockStart} bytes before the fwtool blocks")),
        };
        var weaknesses = new List<UpdateWeakness>();
        string? version = null;
        var signatures = new List<SignatureFinding>();
        foreach (var trailer in trailers)
        {
            var data = bytes.Slice(trailer.DataStart, trailer.DataLength);
            switch (trailer.Type)
            {
                case FwtoolTrailer.MetadataType when data.Length >= 8:
                    // An 8-byte header (version 0, padding) precedes the JSON.
                    var release = OpenWrtMetadata.Read(data[8..], facts, out var metadataProblem);
                    version ??= release;
                    problem ??= metadataProblem;
                    break;
                case FwtoolTrailer.SignatureType:
                    signatures.Add(Judge(bytes.Span[..trailer.BlockStart], data.Span, input.Anchors, facts));
                    break;
                default:
                    facts.Add(new("fwtool block", string.Create(CultureInfo.InvariantCulture, $"type {trailer.Type}, {trailer.DataLength} bytes")));
                    break;
            }
        }

        if (signatures.Count == 0)
        {
            weaknesses.Add(new(UnsignedWeakness, "the image has no fwtool signature block: sysupgrade can check only its CRC and device name"));
        }

        facts.Add(new("downgrade protection", "sysupgrade images carry no anti-rollback counter"));
        return new UpdateInspection
        {
            Format = Name,
            Signatures = signatures,
            Integrity = new IntegrityFinding("CRC-32 (fwtool)", trailers.All(t => t.CrcMatches), "the image and every block before each trailer"),
            RollbackSupported = false,
            Version = version,
            Problem = problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private static SignatureFinding Judge(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> block, TrustAnchors anchors, List<InspectionFact> facts)
    {
        if (UsignKeys.TryReadSignature(block) is { } usign)
        {
            facts.Add(new("signature form", "usign (Ed25519), key " + usign.KeyId));
            var data = signed.ToArray();
            return SignatureJudge.Judge(new SignatureJudge.Candidate("usign Ed25519",
                spki => KeyShape.IsEd25519(spki) && PublicKeyVerifier.Verifies(SignatureScheme.Ed25519, spki, data, usign.Signature), usign.KeyId, null, null), anchors);
        }

        facts.Add(new("signature form", "ucert certificate chain or unknown"));
        return new SignatureFinding(SignatureStatus.NotVerifiable, "ucert", null, null, null,
            "the signature block is not a plain usign signature (a ucert certificate chain?), which this version does not verify");
    }
}
