namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// The FIT verification keys of a U-Boot control DTB and how U-Boot applies them. Without a required key, U-Boot
/// checks signatures only when a FIT carries them and boots unsigned FITs without complaint.
/// </summary>
/// <param name="HasSignatureNode">Whether the tree has a <c>/signature</c> node at all.</param>
/// <param name="Keys">The <c>key-*</c> nodes under it, in tree order.</param>
/// <param name="RequiredMode">
/// <c>/signature/required-mode</c>: "all" (every required key must verify) or "any" (one suffices); null when absent,
/// which U-Boot reads as "all".
/// </param>
/// <param name="Problem">Why the tree could not be read (the keys are then empty) or was read only in part, or null.</param>
public sealed record FitKeyring(bool HasSignatureNode, IReadOnlyList<FitVerificationKey> Keys, string? RequiredMode, string? Problem)
{
    public IEnumerable<FitVerificationKey> RequiredKeys => Keys.Where(k => k.IsRequired);

    /// <summary>Whether any key is required; false means unsigned FITs boot.</summary>
    public bool AnyRequired => Keys.Any(k => k.IsRequired);
}
