using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>The verdict on one candidate.</summary>
public sealed record KeyParseResult
{
    private KeyParseResult(KeyCandidate candidate, KeyParseStatus status, KeyMaterialItem? item, string? reason)
    {
        Candidate = candidate;
        Status = status;
        Item = item;
        Reason = reason;
    }

    public KeyCandidate Candidate { get; }

    public KeyParseStatus Status { get; }

    /// <summary>Set when <see cref="Status"/> is <see cref="KeyParseStatus.Confirmed"/>.</summary>
    public KeyMaterialItem? Item { get; }

    /// <summary>Set when <see cref="Status"/> is <see cref="KeyParseStatus.Rejected"/>.</summary>
    public string? Reason { get; }

    public bool IsConfirmed => Status == KeyParseStatus.Confirmed;

    internal static KeyParseResult Confirmed(KeyCandidate candidate, KeyMaterialItem item) =>
        new(candidate, KeyParseStatus.Confirmed, item, null);

    internal static KeyParseResult Rejected(KeyCandidate candidate, string reason) =>
        new(candidate, KeyParseStatus.Rejected, null, reason);
}
