using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace ComplianceAuditor.Repository;

/// <summary>Opens a git repository read-only from a worktree, a path inside one, a bare repository or a <c>.git</c> folder.</summary>
public static class RepositoryLocator
{
    private static readonly object OwnerLock = new();
    private static bool ownerValidationOff;

    /// <summary>
    /// Finds and opens the repository containing <paramref name="path"/>. Never throws for bad input: a missing path, a
    /// folder outside any repository, a corrupt repository or an ownership refusal comes back as
    /// <see cref="RepositoryOpenResult.Error"/>.
    /// </summary>
    public static RepositoryOpenResult Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return RepositoryOpenResult.Failure("no repository path given");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return RepositoryOpenResult.Failure($"invalid repository path '{path}': {ex.Message}");
        }

        if (!Directory.Exists(full))
        {
            return RepositoryOpenResult.Failure($"'{full}' does not exist or is not a folder");
        }

        // An auditor reads checkouts owned by someone else (a CI workspace, a customer's tree). libgit2 runs no hooks or
        // fsmonitor commands, so ownership validation protects nothing in a read-only scan; it is switched off once.
        DisableOwnerValidation();

        try
        {
            var gitDir = GitRepository.Discover(full);
            if (gitDir is null)
            {
                return RepositoryOpenResult.Failure($"'{full}' is not inside a git repository");
            }

            var repo = new GitRepository(gitDir);
            try
            {
                return RepositoryOpenResult.Success(repo, Describe(repo));
            }
            catch (LibGit2SharpException ex)
            {
                repo.Dispose();
                return RepositoryOpenResult.Failure($"repository at '{gitDir}' is unreadable or corrupt: {ex.Message}");
            }
        }
        catch (RepositoryNotFoundException ex)
        {
            return RepositoryOpenResult.Failure($"'{full}' is not a usable git repository: {ex.Message}");
        }
        catch (LibGit2SharpException ex) when (ex.Message.Contains("owner", StringComparison.OrdinalIgnoreCase))
        {
            return RepositoryOpenResult.Failure($"repository at '{full}' refused because of its owner: {ex.Message}");
        }
        catch (LibGit2SharpException ex)
        {
            return RepositoryOpenResult.Failure($"repository at '{full}' is unreadable or corrupt: {ex.Message}");
        }
        catch (IOException ex)
        {
            return RepositoryOpenResult.Failure($"repository at '{full}' could not be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return RepositoryOpenResult.Failure($"repository at '{full}' is not readable by this user: {ex.Message}");
        }
    }

    /// <summary>True when <paramref name="path"/> is a git repository or lies inside one (however damaged).</summary>
    public static bool IsInsideRepository(string path)
    {
        try
        {
            return GitRepository.Discover(path) is not null;
        }
        catch (LibGit2SharpException)
        {
            // Something is there, it just cannot be read: the reader will say what.
            return true;
        }
    }

    private static List<string> Describe(GitRepository repo)
    {
        var notes = new List<string>();
        if (repo.Info.IsShallow)
        {
            notes.Add("shallow clone: history before the graft commits is not in this repository and was not scanned");
        }

        if (repo.Info.IsHeadUnborn)
        {
            notes.Add("the repository has no commits on HEAD");
        }

        return notes;
    }

    private static void DisableOwnerValidation()
    {
        lock (OwnerLock)
        {
            if (!ownerValidationOff)
            {
                GlobalSettings.SetOwnerValidation(false);
                ownerValidationOff = true;
            }
        }
    }
}
