namespace ComplianceAuditor.Comparison;

/// <summary>
/// One provision (scheme id + provision id) across the two reports; a verdict is null on the side that lacks it.
/// Title and status come from the new report when it has the provision.
/// </summary>
public sealed record ProvisionChange(
    string SchemeId,
    string ProvisionId,
    string Title,
    string Status,
    string? OldVerdict,
    string? NewVerdict,
    ChangeKind Kind);
