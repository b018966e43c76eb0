namespace ComplianceAuditor.Core.Model;

/// <summary>
/// Where an artifact read from a repository's history came from: the commit that first added the content, its author
/// and date, and the blob. A history artifact is not a file of the tree as it ships; it is what one commit added.
/// </summary>
/// <param name="Commit">The full hex id of the commit that added the content.</param>
/// <param name="Author">The author as <c>Name &lt;email&gt;</c>.</param>
/// <param name="Date">The author date, ISO 8601 UTC (<c>2024-01-02T03:04:05Z</c>).</param>
/// <param name="Path">The file's path in that commit's tree, with forward slashes.</param>
/// <param name="Blob">The full hex id of the git blob.</param>
/// <param name="AddedLinesOnly">
/// True when the content holds only the lines the commit added, each at its own line number, the others left empty;
/// false when it is the whole blob (a binary file, or one the commit created).
/// </param>
public sealed record ArtifactHistory(string Commit, string Author, string Date, string Path, string Blob, bool AddedLinesOnly)
{
    /// <summary>The commit id as people quote it: the first 12 hex digits.</summary>
    public string ShortCommit => Commit.Length > 12 ? Commit[..12] : Commit;

    /// <summary>One sentence for evidence: which commit added this, who, when and where.</summary>
    public string Describe() => $"added by commit {ShortCommit} ({Author}, {Date}) in {Path}";
}
