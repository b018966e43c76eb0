using ComplianceAuditor.Core.Text;
using System.Globalization;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory.Compact;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Lists every artifact of a target, in ordinal order of their virtual paths (so output is deterministic),
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

    /// <summary>
    /// Opens the containers of an inventory listed by another reader (a bare repository's files, read from git), as
    /// <see cref="Build"/> does for files on disk.
    /// </summary>
    public static TargetInventory Expand(TargetInventory inventory, InventoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
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
        var merged = new CompactArtifacts.Builder(options.Records ?? BlockStore.InMemory());
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

        // Both lists are in the merged one now; their blocks would only take the store's memory from what follows.
        expander.Release();
        (inventory.Artifacts as CompactArtifacts)?.Release();
        var notes = inventory.Notes.Concat(expander.Notes).ToList();
        return inventory with
        {
            Artifacts = merged.Build(),
            Notes = notes.Count > MaxNotes ? [.. notes.Take(MaxNotes), string.Create(CultureInfo.InvariantCulture, $"... and {notes.Count - MaxNotes} more")] : notes,
            IsComplete = inventory.IsComplete && expander.Complete,
            TreeComplete = inventory.TreeComplete,
        };
    }

    private static TargetInventory BuildFile(AuditTarget target, CancellationToken cancellationToken)
    {
        var artifact = ArtifactReader.Describe(target.LocalPath, target.Name, target.Name, parent: null, target.Name, cancellationToken);
        return new TargetInventory(target with { Sha256 = artifact.Sha256, Size = artifact.Size }, CompactArtifacts.From([artifact]))
        {
            IsComplete = artifact.Kind != ArtifactKind.Unreadable,
            TreeComplete = artifact.Kind != ArtifactKind.Unreadable,
        };
    }

    private static TargetInventory BuildDirectory(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        var walk = new Walk(target, options, cancellationToken);

        // The root comes first but its size and tree hash come from all the files: a placeholder holds its place.
        var artifacts = new CompactArtifacts.Builder(options.Records ?? BlockStore.InMemory());
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
        var notes = walk.NoteCount > MaxNotes
            ? [.. walk.Notes, string.Create(CultureInfo.InvariantCulture, $"... and {walk.NoteCount - MaxNotes} more")]
            : walk.Notes;
        return new TargetInventory(target with { Sha256 = root.Sha256, Size = root.Size }, artifacts.Build())
        {
            Notes = notes,
            IsComplete = walk.Complete,
            TreeComplete = walk.Complete,
        };
    }

    /// <summary>
    /// The state of one directory walk. Files come out in ordinal order of their virtual paths without listing the
    /// whole tree first: within a folder, entries go in order of their name, with a <c>/</c> after a folder's name,
    /// which is the order of every path beneath them. So only the folders on the way down and one batch of files are
    /// held at a time, whatever the size of the tree.
    /// </summary>
    private sealed class Walk(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        /// <summary>Files are described in batches of this many, in parallel within a batch.</summary>
        private const int Batch = 2048;

        private int _files;

        /// <summary>The first notes; a tree of many unreadable names must not grow the list without end.</summary>
        public List<string> Notes { get; } = [];

        public int NoteCount { get; private set; }

        public bool Complete { get; private set; } = true;

        /// <summary>
        /// Hashes and sniffs the files found on every core, a batch at a time, and hands them out in path order:
        /// reading and hashing is most of an inventory's time, and only one batch of artifacts exists as objects.
        /// </summary>
        public IEnumerable<Artifact> DescribeInPathOrder()
        {
            var batch = new List<Found>(Batch);
            var described = new Artifact[Batch];
            using var found = Find().GetEnumerator();
            var more = true;
            while (more)
            {
                batch.Clear();
                while (batch.Count < Batch && (more = found.MoveNext()))
                {
                    batch.Add(found.Current);
                }

                Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    var (path, local, rel, made) = batch[i];
                    described[i] = made ?? ArtifactReader.Describe(local!, path, rel!, target.Name, target.Name, cancellationToken);
                });

                for (var i = 0; i < batch.Count; i++)
                {
                    yield return described[i];
                    described[i] = null!;
                }
            }
        }

        /// <summary>Depth first, in path order; stops at the file limit.</summary>
        private IEnumerable<Found> Find()
        {
            var folders = new Stack<Folder>();
            if (List(target.LocalPath, "", 0) is { } top)
            {
                folders.Push(top);
            }

            while (folders.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var folder = folders.Peek();
                if (folder.Next >= folder.Entries.Length)
                {
                    folders.Pop();
                    continue;
                }

                var entry = folder.Entries[folder.Next++];
                var entryRel = folder.Rel.Length == 0 ? entry.Name : $"{folder.Rel}/{entry.Name}";
                if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // .NET decodes names as UTF-8 with replacement; such a name no longer leads back to the file.
                    Incomplete($"'{entryRel}': the name is not valid UTF-8, so it cannot be opened and was not read");
                    var path = folder.Names.Unique($"{target.Name}/{entryRel}");
                    yield return new Found(path, null, null, new Artifact { Path = path, Target = target.Name, RelativePath = entryRel, Parent = target.Name, Kind = ArtifactKind.Unreadable, Note = "the file name is not valid UTF-8" });
                    continue;
                }

                if (IsFolder(entry))
                {
                    if (folder.Depth + 1 > options.MaxDepth)
                    {
                        Incomplete($"folder '{entryRel}' is deeper than the limit of {options.MaxDepth} levels and was not read");
                    }
                    else if (List(entry.FullName, entryRel, folder.Depth + 1) is { } sub)
                    {
                        folders.Push(sub);
                    }

                    continue;
                }

                if (_files++ >= options.MaxFiles)
                {
                    Incomplete(string.Create(CultureInfo.InvariantCulture, $"stopped after {options.MaxFiles} files (the file limit); the rest was not read"));
                    yield break;
                }

                yield return new Found(folder.Names.Unique($"{target.Name}/{entryRel}"), entry.FullName, entryRel, null);
            }
        }

        /// <summary>A folder's entries in path order, or null (and a note) when it cannot be listed.</summary>
        private Folder? List(string dir, string rel, int depth)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Incomplete($"folder '{(rel.Length == 0 ? "." : rel)}' could not be listed: {IoErrors.Describe(e)}");
                return null;
            }

            if (target.Kind == TargetKind.Repo && depth == 0)
            {
                entries = [.. entries.Where(e => e.Name != ".git")];
            }

            Array.Sort(Array.ConvertAll(entries, SortKey), entries, StringComparer.Ordinal);
            return new Folder(rel, depth, entries);
        }

        /// <summary>
        /// A folder's name sorts as the prefix of the paths under it: with a slash after it. A folder whose name could
        /// not be decoded is not entered (it becomes one unreadable artifact), so it sorts as the file it becomes.
        /// </summary>
        private static string SortKey(FileSystemInfo entry) =>
            IsFolder(entry) && !entry.Name.Contains('\uFFFD', StringComparison.Ordinal) ? entry.Name + "/" : entry.Name;

        /// <summary>A real folder; a link to one is a file of the tree (links are never followed).</summary>
        private static bool IsFolder(FileSystemInfo entry) => entry.LinkTarget is null && entry is DirectoryInfo;

        private void Incomplete(string note)
        {
            Complete = false;
            if (NoteCount++ < MaxNotes)
            {
                Notes.Add(note);
            }
        }

        /// <summary>A file to describe, or an artifact made on the spot (a name that cannot be opened).</summary>
        private readonly record struct Found(string Path, string? Local, string? Rel, Artifact? Made);

        /// <summary>A folder being walked: its entries in path order and the next one to visit.</summary>
        private sealed class Folder(string rel, int depth, FileSystemInfo[] entries)
        {
            public string Rel { get; } = rel;

            public int Depth { get; } = depth;

            public FileSystemInfo[] Entries { get; } = entries;

            public int Next { get; set; }

            /// <summary>Names are unique within a folder but for ones that could not be decoded.</summary>
            public UniquePaths Names { get; } = new([]);
        }
    }
}
