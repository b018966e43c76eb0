using ComplianceAuditor.Core.Text;
using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory.Compact;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Lists every artifact of a target. Directories are walked in ordinal name order (so output is deterministic),
/// read-only, without following symbolic links, within <see cref="InventoryOptions"/> bounds. Each file is hashed
/// and its kind sniffed from its first bytes. A repository's <c>.git</c> folder is left to the history scanner.
/// Whatever could not be listed is noted and marks the inventory incomplete.
/// </summary>
public static class InventoryBuilder
{
    private const int MaxNotes = 50;

    public static TargetInventory Build(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var inventory = target.Kind == TargetKind.Firmware
            ? BuildFile(target, cancellationToken)
            : BuildDirectory(target, options, cancellationToken);
        return options.Formats is null ? inventory : Unpack(inventory, options, cancellationToken);
    }

    /// <summary>Adds what the target's containers hold; the target's own hash and size stay those of its files on disk.</summary>
    private static TargetInventory Unpack(TargetInventory inventory, InventoryOptions options, CancellationToken cancellationToken)
    {
        var expander = new ContainerExpander(inventory.Target, options, inventory.Artifacts.Select(a => a.Path), cancellationToken);
        expander.Expand(inventory.Artifacts);
        if (expander.AddedCount == 0 && expander.Notes.Count == 0 && inventory.Artifacts.All(a => expander.WithContainer(a) == a))
        {
            return inventory;
        }

        // Both lists are in path order after the root: merge them, one artifact at a time.
        using var added = expander.AddedInPathOrder().GetEnumerator();
        var more = added.MoveNext();
        var merged = new CompactArtifacts.Builder();
        merged.Add(expander.WithContainer(inventory.Root));
        foreach (var artifact in inventory.Artifacts.Skip(1))
        {
            while (more && string.CompareOrdinal(added.Current.Path, artifact.Path) < 0)
            {
                merged.Add(added.Current);
                more = added.MoveNext();
            }

            merged.Add(expander.WithContainer(artifact));
        }

        for (; more; more = added.MoveNext())
        {
            merged.Add(added.Current);
        }

        var notes = inventory.Notes.Concat(expander.Notes).ToList();
        return inventory with
        {
            Artifacts = merged.Build(),
            Notes = notes.Count > MaxNotes ? [.. notes.Take(MaxNotes), string.Create(CultureInfo.InvariantCulture, $"... and {notes.Count - MaxNotes} more")] : notes,
            IsComplete = inventory.IsComplete && expander.Complete,
        };
    }

    private static TargetInventory BuildFile(AuditTarget target, CancellationToken cancellationToken)
    {
        var artifact = ArtifactReader.Describe(target.LocalPath, target.Name, target.Name, parent: null, target.Name, cancellationToken);
        return new TargetInventory(target with { Sha256 = artifact.Sha256, Size = artifact.Size }, CompactArtifacts.From([artifact]))
        {
            IsComplete = artifact.Kind != ArtifactKind.Unreadable,
        };
    }

    private static TargetInventory BuildDirectory(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        var walk = new Walk(target, options, cancellationToken);
        walk.Run();

        // The root comes first but its size and tree hash come from all the files: a placeholder holds its place.
        var artifacts = new CompactArtifacts.Builder();
        artifacts.Add(new Artifact { Path = target.Name, Target = target.Name, RelativePath = "", Kind = ArtifactKind.Directory });
        using var tree = new TreeHash();
        long size = 0;
        foreach (var file in walk.DescribeInPathOrder())
        {
            artifacts.Add(file);
            tree.Add(file);
            size += file.Size;
        }

        var root = new Artifact
        {
            Path = target.Name,
            Target = target.Name,
            RelativePath = "",
            Kind = ArtifactKind.Directory,
            Size = size,
            Sha256 = tree.Finish(),
        };
        artifacts.Replace(0, root);
        var notes = walk.Notes.Count > MaxNotes
            ? [.. walk.Notes.Take(MaxNotes), string.Create(CultureInfo.InvariantCulture, $"... and {walk.Notes.Count - MaxNotes} more")]
            : walk.Notes;
        return new TargetInventory(target with { Sha256 = root.Sha256, Size = root.Size }, artifacts.Build())
        {
            Notes = notes,
            IsComplete = walk.Complete,
        };
    }

    /// <summary>The state of one directory walk.</summary>
    private sealed class Walk(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        /// <summary>Files are described in batches of this many, in parallel within a batch.</summary>
        private const int Batch = 2048;

        private readonly UniquePaths _paths = new([]);

        /// <summary>What the walk found: a file to describe, or an artifact made on the spot (a name that cannot be opened).</summary>
        private readonly List<(string Path, string? Local, string? Rel, Artifact? Made)> _found = [];

        public List<string> Notes { get; } = [];

        public bool Complete { get; private set; } = true;

        public void Run()
        {
            var pending = new Stack<(string Dir, string Rel, int Depth)>();
            pending.Push((target.LocalPath, "", 0));
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (dir, rel, depth) = pending.Pop();
                FileSystemInfo[] entries;
                try
                {
                    entries = new DirectoryInfo(dir).GetFileSystemInfos();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Incomplete($"folder '{(rel.Length == 0 ? "." : rel)}' could not be listed: {IoErrors.Describe(e)}");
                    continue;
                }

                // Reverse order on the stack so sub-folders are visited in ordinal order.
                foreach (var entry in entries.OrderByDescending(e => e.Name, StringComparer.Ordinal))
                {
                    if (!Visit(entry, rel, depth, pending))
                    {
                        pending.Clear();
                        break;
                    }
                }
            }
        }

        private bool Visit(FileSystemInfo entry, string rel, int depth, Stack<(string, string, int)> pending)
        {
            var entryRel = rel.Length == 0 ? entry.Name : $"{rel}/{entry.Name}";
            if (target.Kind == TargetKind.Repo && rel.Length == 0 && entry.Name == ".git")
            {
                return true;
            }

            if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                // .NET decodes names as UTF-8 with replacement; such a name no longer leads back to the file.
                Incomplete($"'{entryRel}': the name is not valid UTF-8, so it cannot be opened and was not read");
                Add(new Artifact { Path = Unique($"{target.Name}/{entryRel}"), Target = target.Name, RelativePath = entryRel, Parent = target.Name, Kind = ArtifactKind.Unreadable, Note = "the file name is not valid UTF-8" });
                return true;
            }

            if (entry.LinkTarget is null && entry is DirectoryInfo)
            {
                if (depth + 1 > options.MaxDepth)
                {
                    Incomplete($"folder '{entryRel}' is deeper than the limit of {options.MaxDepth} levels and was not read");
                }
                else
                {
                    pending.Push((entry.FullName, entryRel, depth + 1));
                }

                return true;
            }

            if (_found.Count >= options.MaxFiles)
            {
                Incomplete(string.Create(CultureInfo.InvariantCulture, $"stopped after {options.MaxFiles} files (the file limit); the rest was not read"));
                return false;
            }

            _found.Add((Unique($"{target.Name}/{entryRel}"), entry.FullName, entryRel, null));
            return true;
        }

        /// <summary>
        /// Hashes and sniffs the listed files on every core, a batch at a time, and hands them out in path order:
        /// reading and hashing is most of an inventory's time, and only one batch of artifacts exists as objects.
        /// </summary>
        public IEnumerable<Artifact> DescribeInPathOrder()
        {
            _found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var described = new Artifact[Math.Min(Batch, _found.Count)];
            for (var start = 0; start < _found.Count; start += Batch)
            {
                var count = Math.Min(Batch, _found.Count - start);
                var first = start;
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    var (path, local, rel, made) = _found[first + i];
                    described[i] = made ?? ArtifactReader.Describe(local!, path, rel!, target.Name, target.Name, cancellationToken);
                });

                for (var i = 0; i < count; i++)
                {
                    yield return described[i];
                }
            }
        }

        private void Add(Artifact artifact) => _found.Add((artifact.Path, null, null, artifact));

        /// <summary>Virtual paths are identities (fingerprints, SARIF indexes); two entries must never share one.</summary>
        private string Unique(string path) => _paths.Unique(path);

        private void Incomplete(string note)
        {
            Complete = false;
            Notes.Add(note);
        }
    }
}
