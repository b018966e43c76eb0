namespace ComplianceAuditor.Update.Suit;

/// <summary>The manifest as read, with the check of each severable member the envelope carries against its digest.</summary>
/// <param name="Info">What the manifest declares.</param>
/// <param name="Severable">Each severable member present in the envelope and whether it matches the manifest's digest of it.</param>
/// <param name="Decoded">Whether the manifest itself decoded to a map (its elements can then be judged present or absent).</param>
/// <param name="Problem">The first defect found, or null.</param>
internal sealed record SuitManifestReading(
    SuitManifestInfo Info,
    IReadOnlyList<(string Member, bool? Matches)> Severable,
    bool Decoded,
    string? Problem);
