using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// A repository target's history for the engine: opens the repository read-only when asked, walks it with
/// <see cref="HistoryScan"/> and hands each added piece over as an artifact. Opening or reading failures become problems
/// of the returned <see cref="HistoryRun"/>, so the audit goes on and says what it could not read.
/// </summary>
/// <param name="repositoryPath">The target's folder: a worktree, a folder inside one, a bare repository or a .git folder.</param>
/// <param name="target">The target's name, the first part of every virtual path.</param>
public sealed class GitHistorySource(string repositoryPath, string target, HistoryScanOptions options) : IHistorySource
{
    public string Scope => Describe(options);

    public HistoryRun Read(Action<Artifact> onItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onItem);
        using var opened = RepositoryLocator.Open(repositoryPath);
        if (!opened.Succeeded)
        {
            return new HistoryRun(0, 0, [$"the history could not be read: {opened.Error}"], []);
        }

        var prefix = options.PathPrefix ?? PrefixOf(opened.Repository!);
        var scan = HistoryScan.Run(opened.Repository!, options with { PathPrefix = prefix }, item =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HistoryArtifacts.From(item, target, prefix) is { } artifact)
            {
                onItem(artifact);
            }
        }, cancellationToken);

        var notes = prefix is { Length: > 0 } ? [$"only files under '{prefix}' were read, the folder audited", .. scan.Notes] : scan.Notes;
        return new HistoryRun(scan.CommitCount, scan.BlobCount, scan.Problems, notes);
    }

    /// <summary>
    /// The folder audited, relative to the worktree root, when the target is a folder inside a worktree: its history is
    /// that of the files under it, as its working-tree files are. Null for a worktree root or a bare repository.
    /// </summary>
    private string? PrefixOf(LibGit2Sharp.Repository repository)
    {
        // A .git folder given itself lies inside the worktree too, but stands for the whole repository.
        if (repository.Info.WorkingDirectory is not { } workdir || SameFolder(repository.Info.Path, repositoryPath))
        {
            return null;
        }

        var relative = Path.GetRelativePath(workdir, repositoryPath).Replace('\\', '/');
        return relative is "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.TrimEnd('/') + "/";
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static string Describe(HistoryScanOptions options) => options.Mode switch
    {
        HistoryMode.Head => "the files of the commit HEAD points at",
        HistoryMode.Full when options.Since is { } since => $"every commit on any branch or tag that is not reachable from '{since}'",
        HistoryMode.Full => "every commit reachable from any branch, tag or HEAD",
        _ => "nothing (history reading is off)",
    };
}
