using System.Globalization;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Builds the conformance table from what was read. References are to RFC 9124 (information model) sections and
/// to draft-ietf-suit-manifest: §6.1 (processor setup), §6.2 (required checks), §8.5 (conformance matrix).
/// </summary>
internal static class SuitConformanceBuilder
{
    private const string Manifest = "draft-ietf-suit-manifest";

    public static SuitConformance Build(SuitManifestInfo info)
    {
        var commands = info.Commands;
        var uris = commands.Uris;
        var plaintext = uris.Where(SuitUris.IsPlaintext).ToList();
        var blocks = info.SignatureBlocks + info.MacBlocks;
        return new SuitConformance(
        [
            new(SuitConformance.AuthenticationWrapper, $"RFC 9124 §3.15; {Manifest} §6.2", SuitRequirement.Required,
                info.HasAuthenticationWrapper, info.HasAuthenticationWrapper ? Blocks(info) : "absent"),
            new(SuitConformance.Signature, "RFC 9124 §3.15, §4.3.4 (REQ.SEC.AUTHENTIC)", SuitRequirement.Required,
                blocks > 0, blocks == 0 ? "digest only" : Blocks(info)),
            new(SuitConformance.DigestAlgorithm, $"RFC 9124 §3.15; {Manifest} SUIT_Digest (SHA-256 required)", SuitRequirement.Required,
                info.DigestAlgorithm is "SHA-256" or "SHA-384" or "SHA-512" or "SHAKE128" or "SHAKE256", Digest(info)),
            new(SuitConformance.ManifestVersion, $"RFC 9124 §3.1; {Manifest} §6.1", SuitRequirement.Required,
                info.ManifestVersion == 1, Number(info.ManifestVersion)),
            new(SuitConformance.SequenceNumber, $"RFC 9124 §3.2, §4.3.1 (REQ.SEC.SEQUENCE); {Manifest} §6.1", SuitRequirement.Required,
                info.SequenceNumber is not null, Number(info.SequenceNumber)),
            new(SuitConformance.VendorCondition, $"RFC 9124 §3.3, §4.3.2 (REQ.SEC.COMPATIBLE); {Manifest} §6.2, §8.5", SuitRequirement.Required,
                commands.HasVendorCondition, Identifiers(commands.HasVendorCondition, commands.VendorIds)),
            new(SuitConformance.ClassCondition, $"RFC 9124 §3.4, §4.3.2 (REQ.SEC.COMPATIBLE); {Manifest} §6.2, §8.5", SuitRequirement.Required,
                commands.HasClassCondition, Identifiers(commands.HasClassCondition, commands.ClassIds)),
            new(SuitConformance.ImageMatchCondition, $"RFC 9124 §4.3.8 (REQ.SEC.AUTH.EXEC); {Manifest} §8.5", SuitRequirement.Recommended,
                commands.HasImageMatchCondition, commands.HasImageMatchCondition ? "checked" : "absent"),
            new(SuitConformance.ImageDigest, $"RFC 9124 §3.13; {Manifest} §8.5", SuitRequirement.Required,
                commands.ImageDigests.Count > 0, List(commands.ImageDigests)),
            new(SuitConformance.ImageSize, $"RFC 9124 §3.14; {Manifest} §8.5", SuitRequirement.Required,
                commands.ImageSizes.Count > 0, List(commands.ImageSizes.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList())),
            new(SuitConformance.SecureUris, "RFC 9124 §3.12, §4.3.7 (REQ.SEC.AUTH.REMOTE_LOC)", SuitRequirement.Recommended,
                plaintext.Count == 0, uris.Count == 0 ? "no payload URIs" : plaintext.Count == 0 ? List(uris) : "plaintext: " + List(plaintext)),
            new(SuitConformance.ComponentCount, $"RFC 9124 §3.11; {Manifest} §6.2", SuitRequirement.Optional,
                info.ComponentCount > 0, info.ComponentCount.ToString(CultureInfo.InvariantCulture)),
            new(SuitConformance.VersionCondition, "RFC 9124 §3.6; draft-ietf-suit-update-management", SuitRequirement.Optional,
                commands.HasVersionCondition, commands.HasVersionCondition ? List(commands.Versions) : "absent"),
            new(SuitConformance.ManifestSize, "RFC 9124 §4.3.21 (REQ.SEC.MFST.CONST)", SuitRequirement.Required,
                info.ManifestBytes > 0, info.ManifestBytes.ToString(CultureInfo.InvariantCulture) + " bytes"),
        ]);
    }

    private static string Blocks(SuitManifestInfo info) =>
        (info.DigestAlgorithm ?? "no") + " digest"
        + (info.SignatureBlocks > 0 ? ", " + SuitText.Count(info.SignatureBlocks, "signature block") : string.Empty)
        + (info.MacBlocks > 0 ? ", " + SuitText.Count(info.MacBlocks, "MAC block") : string.Empty);

    private static string Digest(SuitManifestInfo info) => info.DigestAlgorithm is null
        ? "absent"
        : info.DigestAlgorithm + info.DigestMatches switch
        {
            true => " (matches the manifest)",
            false => " (does NOT match the manifest)",
            null => " (not recomputed)",
        };

    private static string Number(ulong? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "absent";

    private static string Identifiers(bool checkedCondition, IReadOnlyList<string> values) =>
        (checkedCondition ? "checked" : "not checked") + (values.Count > 0 ? ": " + List(values) : ", no value set");

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "absent" : string.Join(", ", values.Take(4)) + (values.Count > 4 ? ", …" : string.Empty);
}
