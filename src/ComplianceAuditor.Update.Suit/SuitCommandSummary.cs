namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// What the shared sequence and the command sequences of a manifest check and set, gathered over every sequence
/// that is present (nested try-each and run-sequence included). Values are rendered for printing: UUIDs for
/// identifiers, "SHA-256 &lt;hex&gt;" for digests.
/// </summary>
/// <param name="Commands">Every command number used, in first-seen order (conditions 1 vendor, 2 class, 3 image match, 28 version...).</param>
/// <param name="VendorIds">Values of parameter 1, vendor-identifier.</param>
/// <param name="ClassIds">Values of parameter 2, class-identifier.</param>
/// <param name="ImageDigests">Values of parameter 3, image-digest.</param>
/// <param name="ImageSizes">Values of parameter 14, image-size.</param>
/// <param name="Uris">Values of parameter 21, uri.</param>
/// <param name="Versions">Values of parameter 28, version (update-management extension), as "&gt;= 1.2.3".</param>
public sealed record SuitCommandSummary(
    IReadOnlyList<long> Commands,
    IReadOnlyList<string> VendorIds,
    IReadOnlyList<string> ClassIds,
    IReadOnlyList<string> ImageDigests,
    IReadOnlyList<ulong> ImageSizes,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> Versions)
{
    public const long VendorIdentifierCondition = 1;
    public const long ClassIdentifierCondition = 2;
    public const long ImageMatchCondition = 3;
    public const long VersionCondition = 28;

    public static SuitCommandSummary Empty { get; } = new([], [], [], [], [], [], []);

    /// <summary>Whether condition-vendor-identifier (1) is checked.</summary>
    public bool HasVendorCondition => Commands.Contains(VendorIdentifierCondition);

    /// <summary>Whether condition-class-identifier (2) is checked.</summary>
    public bool HasClassCondition => Commands.Contains(ClassIdentifierCondition);

    /// <summary>Whether condition-image-match (3) is checked.</summary>
    public bool HasImageMatchCondition => Commands.Contains(ImageMatchCondition);

    /// <summary>Whether condition-version (28, draft-ietf-suit-update-management) is checked.</summary>
    public bool HasVersionCondition => Commands.Contains(VersionCondition);
}
