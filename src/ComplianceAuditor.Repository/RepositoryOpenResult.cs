namespace ComplianceAuditor.Repository;

/// <summary>
/// The outcome of <see cref="RepositoryLocator.Open(string)"/>: an open repository, or an error text saying why none could
/// be opened. Dispose it to release the repository.
/// </summary>
public sealed class RepositoryOpenResult : IDisposable
{
    private RepositoryOpenResult(LibGit2Sharp.Repository? repository, string? error, IReadOnlyList<string> notes)
    {
        Repository = repository;
        Error = error;
        Notes = notes;
    }

    /// <summary>The open repository, or <see langword="null"/> when <see cref="Error"/> is set.</summary>
    public LibGit2Sharp.Repository? Repository { get; }

    /// <summary>Why the path could not be opened (not a repository, corrupt, owned by another user, ...).</summary>
    public string? Error { get; }

    /// <summary>Facts about the repository worth reporting, such as a shallow clone's missing history.</summary>
    public IReadOnlyList<string> Notes { get; }

    public bool Succeeded => Repository is not null;

    internal static RepositoryOpenResult Success(LibGit2Sharp.Repository repository, IReadOnlyList<string> notes) =>
        new(repository, null, notes);

    internal static RepositoryOpenResult Failure(string error) => new(null, error, []);

    public void Dispose() => Repository?.Dispose();
}
