namespace ComplianceAuditor.Repository;

/// <summary>What a <see cref="HistoryItem"/> carries.</summary>
public enum HistoryItemKind
{
    /// <summary>Lines of a text file that a commit added (against its first parent), with their line numbers.</summary>
    AddedLines,

    /// <summary>A blob (text or binary) seen for the first time in the scan; each blob id is reported once.</summary>
    NewBlob,
}
