namespace ComplianceAuditor.ProcessEvidence;

/// <summary>
/// A read-only view of a repository's files. Paths are repository-relative and start with '/', using '/' as separator
/// (for example <c>/.github/workflows/ci.yml</c>).
/// </summary>
public interface IRepositoryFiles
{
    /// <summary>Every file path in the view.</summary>
    IEnumerable<string> Paths { get; }

    /// <summary>
    /// Returns at most <paramref name="maxBytes"/> bytes of the file decoded as UTF-8, or null when the file is absent
    /// or cannot be read.
    /// </summary>
    string? ReadText(string path, int maxBytes);
}
