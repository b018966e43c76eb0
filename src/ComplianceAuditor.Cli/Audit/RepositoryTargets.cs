using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Repository;
using ComplianceAuditor.Repository.Audit;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>
/// What is particular to repository targets: a bare repository's files come from git, and each repository gets its
/// history, as <c>--history</c>, <c>--since</c> and <c>--max-history-blob</c> ask.
/// </summary>
internal static class RepositoryTargets
{
    /// <summary>The target's inventory: its files on disk, or for a repository without a working tree those of HEAD.</summary>
    public static TargetInventory Build(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken) =>
        target.Kind == TargetKind.Repo && TargetResolver.IsGitDirectory(target.LocalPath)
            ? InventoryBuilder.Expand(GitTreeInventory.Build(target, options.MaxFiles, cancellationToken), options, cancellationToken)
            : InventoryBuilder.Build(target, options, cancellationToken);

    /// <summary>
    /// A repository's inventory with its git metadata (tags) and, when history reading is on, its history attached;
    /// other targets as they are.
    /// </summary>
    public static TargetInventory Attach(TargetInventory inventory, AuditSettings settings)
    {
        if (inventory.Target.Kind != TargetKind.Repo)
        {
            return inventory;
        }

        if (!RepositoryLocator.IsInsideRepository(inventory.Target.LocalPath))
        {
            // A source tree given with --as repo that is not under git: its files are audited, and it has no history.
            return inventory with { Notes = [.. inventory.Notes, "not a git repository: there is no history or tag to read"] };
        }

        var facts = RepositoryFactsReader.Read(inventory.Target.LocalPath);
        if (settings.History == HistoryMode.None)
        {
            return inventory with { Repository = facts, Notes = [.. inventory.Notes, "history not read (--history none): secrets and keys deleted in past commits were not looked for"] };
        }

        var options = new HistoryScanOptions { Mode = settings.History, Since = settings.Since, MaxBlobBytes = settings.MaxHistoryBlob };
        return inventory with { Repository = facts, History = new GitHistorySource(inventory.Target.LocalPath, inventory.Target.Name, options) };
    }

    /// <summary>Why <c>--since</c> cannot be used with these targets, or null when it can (or was not given).</summary>
    public static string? CheckSince(AuditSettings settings, IReadOnlyList<AuditTarget> targets)
    {
        if (settings.Since is not { } since)
        {
            return null;
        }

        var repositories = targets.Where(t => t.Kind == TargetKind.Repo).ToArray();
        if (repositories.Length == 0)
        {
            return "--since reads part of a repository's history, and no target is a repository (use --as repo for a folder inside one)";
        }

        return repositories.Select(t => SinceRevision.Problem(t.LocalPath, since) is { } problem ? $"--since for '{t.Name}': {problem}" : null)
            .FirstOrDefault(p => p is not null);
    }
}
