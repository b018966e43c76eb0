namespace ComplianceAuditor.Core.Model;

/// <summary>What one read of a history covered, and what it could not read.</summary>
/// <param name="Commits">Commits walked.</param>
/// <param name="Blobs">Distinct blobs seen.</param>
/// <param name="Problems">Objects that could not be read (corrupt, missing): their content went unchecked.</param>
/// <param name="Notes">What was left out on purpose or by necessity (a shallow clone, blobs over the size limit).</param>
public sealed record HistoryRun(int Commits, int Blobs, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    /// <summary>True when everything the walk reached could be read.</summary>
    public bool IsComplete => Problems.Count == 0;
}
