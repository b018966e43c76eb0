namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// The per-element conformance table of one SUIT envelope against RFC 9124 (the manifest information model) and
/// draft-ietf-suit-manifest (the CBOR encoding, its §6 processing rules and §8.5 conformance matrix), in a fixed
/// order a report can print as it is.
/// </summary>
/// <param name="Rows">One row per element, in the order of the constants below.</param>
public sealed record SuitConformance(IReadOnlyList<SuitConformanceRow> Rows)
{
    public const string AuthenticationWrapper = "authentication wrapper";
    public const string Signature = "signature (not digest only)";
    public const string DigestAlgorithm = "digest algorithm";
    public const string ManifestVersion = "manifest version";
    public const string SequenceNumber = "sequence number";
    public const string VendorCondition = "vendor id condition";
    public const string ClassCondition = "class id condition";
    public const string ImageMatchCondition = "image match condition";
    public const string ImageDigest = "image digest";
    public const string ImageSize = "image size";
    public const string SecureUris = "https/coaps URIs only";
    public const string ComponentCount = "component count";
    public const string VersionCondition = "version condition";
    public const string ManifestSize = "manifest size";

    /// <summary>The row of an element, or null when the table has none of that name.</summary>
    public SuitConformanceRow? Find(string element) => Rows.FirstOrDefault(r => string.Equals(r.Element, element, StringComparison.Ordinal));

    /// <summary>The required elements that are missing.</summary>
    public IEnumerable<SuitConformanceRow> MissingRequirements => Rows.Where(r => r.IsMissingRequirement);
}
