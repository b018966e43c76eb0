namespace ComplianceAuditor.Repository;

/// <summary>
/// The summary of a <see cref="HistoryScan"/>; the items themselves were streamed to the caller's callback so memory
/// stays bounded. <see cref="Problems"/> names objects that could not be read (the audit marks them inconclusive);
/// <see cref="Notes"/> says what was deliberately not read (shallow history, blobs over the size limit, commit bound).
/// </summary>
public sealed record HistoryScanResult(
    HistoryMode Mode,
    int CommitCount,
    int BlobCount,
    int ItemCount,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every object the scan needed could be read.</summary>
    public bool IsComplete => Problems.Count == 0;
}
