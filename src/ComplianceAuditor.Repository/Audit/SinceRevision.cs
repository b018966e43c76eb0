using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// Checks a <c>--since</c> revision before the audit starts: a mistyped tag in a CI job should stop the run with a
/// clear message rather than leave the history unread behind an inconclusive result.
/// </summary>
public static class SinceRevision
{
    /// <summary>Null when <paramref name="revision"/> names a commit of the repository at <paramref name="path"/>; else why not.</summary>
    public static string? Problem(string path, string revision)
    {
        using var opened = RepositoryLocator.Open(path);
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        try
        {
            var found = opened.Repository!.Lookup(revision);
            return found is null ? $"'{revision}' does not name a commit, tag or branch of this repository"
                : found.Peel<Commit>() is null ? $"'{revision}' names a {found.GetType().Name.ToLowerInvariant()}, not a commit"
                : null;
        }
        catch (LibGit2SharpException e)
        {
            return $"'{revision}' could not be resolved: {e.Message}";
        }
    }
}
