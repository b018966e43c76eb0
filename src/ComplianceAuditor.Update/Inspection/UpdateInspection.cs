namespace ComplianceAuditor.Update.Inspection;

/// <summary>
/// What one update or boot image turned out to be, in the same shape for every format, so that one rule ("update
/// images are signed") covers MCUboot, ESP-IDF, SUIT, FIT, vbmeta and the Linux bundles alike. Each format reader
/// fills what its format carries and leaves the rest empty; a defect found while reading goes to
/// <see cref="Problem"/>, and whatever was read before it is kept.
/// </summary>
public sealed record UpdateInspection
{
    /// <summary>The format as a person names it: "MCUboot image", "ESP-IDF app image", "SUIT envelope".</summary>
    public required string Format { get; init; }

    /// <summary>
    /// Every signature or MAC found, each verified (or not) with the reason. Empty means the image carries none;
    /// see <see cref="Authentication"/> for whether the format could have carried one.
    /// </summary>
    public IReadOnlyList<SignatureFinding> Signatures { get; init; } = [];

    /// <summary>Whether the format can authenticate images at all; a legacy uImage cannot, whatever is done to it.</summary>
    public AuthenticationSupport Authentication { get; init; } = AuthenticationSupport.Optional;

    /// <summary>The integrity check the image carries (digest or CRC) and whether it matched; null when it has none.</summary>
    public IntegrityFinding? Integrity { get; init; }

    /// <summary>The anti-rollback value the image carries, or null when its format has a place for one and it is absent.</summary>
    public RollbackValue? Rollback { get; init; }

    /// <summary>Whether the format has a place for an anti-rollback value at all (Mender and uImage have none).</summary>
    public bool RollbackSupported { get; init; } = true;

    /// <summary>
    /// The bytes a device must hold to decide whether to install the image: the manifest, or the header and
    /// signature area that play its part. Null when the format keeps no such part apart from the payload. The IETF
    /// architecture asks that it fit in RAM, so deciding never writes to flash.
    /// </summary>
    public long? ManifestBytes { get; init; }

    /// <summary>The version the image declares, as the format writes it, or null.</summary>
    public string? Version { get; init; }

    /// <summary>A defect that stops a verdict (truncated area, length past the end, CBOR too deep), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Named facts for the report, in reading order: header fields, manifest elements, flags. Each is short and
    /// safe to print (no key material beyond fingerprints).
    /// </summary>
    public IReadOnlyList<InspectionFact> Facts { get; init; } = [];

    /// <summary>Format-specific weaknesses, each with a stable code a rule can select.</summary>
    public IReadOnlyList<UpdateWeakness> Weaknesses { get; init; } = [];

    /// <summary>
    /// Images inside this one that were inspected too (FIT sub-images, RAUC slot images, SUIT components). A reader may
    /// list a part's signatures at the top level as well; the checks count each signature once.
    /// </summary>
    public IReadOnlyList<UpdateInspection> Parts { get; init; } = [];

    /// <summary>
    /// The distinct keys with a valid signature on this image (not its parts), by key identity: the IETF "multiple
    /// permissions" requirement counts them.
    /// </summary>
    public int DistinctSigners => CountSigners(Signatures);

    /// <summary>The distinct keys among the valid signatures given.</summary>
    public static int CountSigners(IEnumerable<SignatureFinding> signatures) =>
        signatures.Where(s => s.IsValid).Select(s => s.KeyId ?? s.Algorithm).Distinct(StringComparer.Ordinal).Count();
}
