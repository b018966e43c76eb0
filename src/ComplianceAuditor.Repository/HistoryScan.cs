using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Reads what a repository's history added, read-only and bounded. In <see cref="HistoryMode.Full"/> it walks every
/// commit reachable from any branch (local or remote-tracking), tag or HEAD, oldest first (topological, then by time), and
/// for each commit reports the added lines of text files and every blob not seen before. Merges are compared with their
/// first parent only. Files deleted later are still reported, from the commit that added them.
/// </summary>
public static class HistoryScan
{
    /// <summary>
    /// Scans <paramref name="repository"/> and hands each item to <paramref name="onItem"/> as it is found, so content
    /// is never collected in memory. Unreadable objects are listed in <see cref="HistoryScanResult.Problems"/> and the scan
    /// goes on; exceptions thrown by <paramref name="onItem"/> propagate.
    /// </summary>
    public static HistoryScanResult Run(GitRepository repository, HistoryScanOptions options, Action<HistoryItem> onItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onItem);

        using var context = new ScanContext(repository, options, onItem) { Cancellation = cancellationToken };
        if (IsShallow(context))
        {
            context.Note("shallow clone: history before the graft commits is not in this repository and was not scanned");
        }

        try
        {
            switch (options.Mode)
            {
                case HistoryMode.Head:
                    HeadTreeScanner.Run(context);
                    break;
                case HistoryMode.Full:
                    RunFull(context);
                    break;
                default:
                    context.Note("history scan switched off");
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The pipeline stops taking items once the caller's callback has thrown: give back what it threw.
            context.Finish();
            throw;
        }

        // The last items may still be on their way to the caller; what its callback threw surfaces here.
        context.Finish();
        return context.Result();
    }

    private static bool IsShallow(ScanContext context)
    {
        try
        {
            return context.Repo.Info.IsShallow;
        }
        catch (LibGit2SharpException)
        {
            return false;
        }
    }

    private static void RunFull(ScanContext context)
    {
        var tips = Tips(context);
        if (tips.Count == 0)
        {
            context.Note("the repository has no commits on any branch or tag");
            return;
        }

        var filter = new CommitFilter
        {
            IncludeReachableFrom = tips,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
        };

        if (context.Options.Since is { } since)
        {
            var excluded = Resolve(context, since);
            if (excluded is null)
            {
                context.Problem($"since revision '{since}' does not name a commit; nothing was scanned");
                return;
            }

            filter.ExcludeReachableFrom = excluded;
        }

        try
        {
            foreach (var commit in context.Repo.Commits.QueryBy(filter))
            {
                if (context.CommitCount >= context.Options.MaxCommits)
                {
                    context.Note($"stopped after {context.Options.MaxCommits} commits (the commit bound); later commits were not scanned");
                    return;
                }

                context.ThrowIfStopped();
                context.CommitCount++;
                try
                {
                    CommitScanner.Run(context, commit);
                }
#pragma warning disable CA1031 // One unreadable commit of a hostile repository must not end the reading of the others.
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    context.Problem($"commit {commit.Sha} could not be read: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"commit walk stopped after {context.CommitCount} commits: {ex.Message}");
        }
    }

    /// <summary>The commits of HEAD, every branch and every tag (peeled), once each, in ref-name order.</summary>
    private static List<Commit> Tips(ScanContext context)
    {
        var tips = new List<Commit>();
        var seen = new HashSet<ObjectId>();
        var names = new List<string> { "HEAD" };
        try
        {
            names.AddRange(context.Repo.Refs
                .Select(r => r.CanonicalName)
                .Where(n => n.StartsWith("refs/heads/", StringComparison.Ordinal)
                    || n.StartsWith("refs/remotes/", StringComparison.Ordinal)
                    || n.StartsWith("refs/tags/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"references could not be listed: {ex.Message}");
        }

        foreach (var name in names)
        {
            var commit = Resolve(context, name);
            if (commit is null && name != "HEAD" && context.Repo.Refs[name] is { } reference && Missing(context, reference))
            {
                // A branch or tag whose commit is not in the object database (a lost packfile): its history is unread.
                context.Problem($"reference '{name}' points at {reference.TargetIdentifier}, which is missing from the object database");
            }

            if (commit is not null && seen.Add(commit.Id))
            {
                tips.Add(commit);
            }
        }

        return tips;
    }

    private static bool Missing(ScanContext context, Reference reference)
    {
        try
        {
            return reference.ResolveToDirectReference() is { } direct && context.Repo.Lookup(direct.TargetIdentifier) is null;
        }
        catch (LibGit2SharpException)
        {
            return true;
        }
    }

    private static Commit? Resolve(ScanContext context, string revision)
    {
        GitObject? target;
        try
        {
            target = context.Repo.Lookup(revision);
        }
        catch (LibGit2SharpException ex)
        {
            if (revision != "HEAD")
            {
                context.Problem($"reference '{revision}' could not be resolved: {ex.Message}");
            }

            return null;
        }

        try
        {
            return target switch
            {
                null => null,
                Commit commit => commit,
                _ => target.Peel<Commit>(),
            };
        }
        catch (LibGit2SharpException)
        {
            // A tag may point at a tree or a blob; it has no history to walk, which is a fact rather than a read failure.
            context.Note($"reference '{revision}' points at an object of type {target.GetType().Name}, not a commit; not walked");
            return null;
        }
    }
}
