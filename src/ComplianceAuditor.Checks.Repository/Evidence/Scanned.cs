namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>What one parser found, and the files it asked for that were not read whole.</summary>
internal sealed record Scanned<T>(T Value, IReadOnlyList<ReadProblem> Problems)
{
    /// <summary>
    /// The problems that leave an absence unproven. Binary files are left out: a parser that lists documents by name
    /// (every file under docs/) meets images and PDFs, which hold no text to find. Checks for which one named file
    /// matters (SECURITY.md) look at <see cref="Problems"/> instead.
    /// </summary>
    public IReadOnlyList<ReadProblem> Blocking => [.. Problems.Where(p => p.Kind != ReadProblemKind.Binary)];
}
