namespace ComplianceAuditor.Reporting.Model;

/// <summary>For an artifact read from a repository's history: the commit that added it.</summary>
public sealed record HistoryEntry
{
    /// <summary>Full hex commit id.</summary>
    public required string Commit { get; init; }

    /// <summary><c>Name &lt;email&gt;</c> of the commit's author.</summary>
    public required string Author { get; init; }

    /// <summary>The author date, ISO 8601 UTC.</summary>
    public required string Date { get; init; }

    /// <summary>The file's path in the commit's tree.</summary>
    public required string Path { get; init; }

    /// <summary>Full hex id of the git blob.</summary>
    public required string Blob { get; init; }

    /// <summary>True when the artifact holds only the lines the commit added; false for the whole blob.</summary>
    public required bool AddedLinesOnly { get; init; }
}
