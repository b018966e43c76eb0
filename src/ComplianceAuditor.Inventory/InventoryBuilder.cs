using ComplianceAuditor.Core.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Model;

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
        if (options.Formats is not null)
        {
            inventory = Unpack(inventory, options, cancellationToken);
        }

        // Checks and reports read the artifacts for the rest of the audit: packed, they take a fifth of the memory.
        return inventory with { Artifacts = Compact.CompactArtifacts.From(inventory.Artifacts) };
    }

    /// <summary>Adds what the target's containers hold; the target's own hash and size stay those of its files on disk.</summary>
    private static TargetInventory Unpack(TargetInventory inventory, InventoryOptions options, CancellationToken cancellationToken)
    {
        var expander = new ContainerExpander(inventory.Target, options, inventory.Artifacts.Select(a => a.Path), cancellationToken);
        expander.Expand(inventory.Artifacts);
        if (expander.Added.Count == 0 && expander.Notes.Count == 0 && inventory.Artifacts.All(a => expander.WithContainer(a) == a))
        {
            return inventory;
        }

        var root = expander.WithContainer(inventory.Root);
        var rest = inventory.Artifacts.Skip(1).Select(expander.WithContainer).Concat(expander.Added.Select(expander.WithContainer)).ToList();
        rest.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var notes = inventory.Notes.Concat(expander.Notes).ToList();
        return inventory with
        {
            Artifacts = [root, .. rest],
            Notes = notes.Count > MaxNotes ? [.. notes.Take(MaxNotes), string.Create(CultureInfo.InvariantCulture, $"... and {notes.Count - MaxNotes} more")] : notes,
            IsComplete = inventory.IsComplete && expander.Complete,
        };
    }

    private static TargetInventory BuildFile(AuditTarget target, CancellationToken cancellationToken)
    {
        var artifact = ArtifactReader.Describe(target.LocalPath, target.Name, target.Name, parent: null, target.Name, cancellationToken);
        return new TargetInventory(target with { Sha256 = artifact.Sha256, Size = artifact.Size }, [artifact])
        {
            IsComplete = artifact.Kind != ArtifactKind.Unreadable,
        };
    }

    private static TargetInventory BuildDirectory(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        var walk = new Walk(target, options, cancellationToken);
        walk.Run();
        walk.DescribeAll();
        var files = walk.Files;
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var root = new Artifact
        {
            Path = target.Name,
            Target = target.Name,
            RelativePath = "",
            Kind = ArtifactKind.Directory,
            Size = files.Sum(f => f.Size),
            Sha256 = TreeHash(files),
        };
        var notes = walk.Notes.Count > MaxNotes
            ? [.. walk.Notes.Take(MaxNotes), string.Create(CultureInfo.InvariantCulture, $"... and {walk.Notes.Count - MaxNotes} more")]
            : walk.Notes;
        return new TargetInventory(target with { Sha256 = root.Sha256, Size = root.Size }, [root, .. files])
        {
            Notes = notes,
            IsComplete = walk.Complete,
        };
    }

    /// <summary>Hash of a tree: its sorted (path, kind, content hash, link target) lines.</summary>
    private static string TreeHash(IEnumerable<Artifact> files)
    {
        var sb = new StringBuilder();
        foreach (var f in files)
        {
            sb.Append(f.RelativePath).Append('\0').Append(f.Kind).Append('\0').Append(f.Sha256).Append('\0').Append(f.LinkTarget).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The state of one directory walk.</summary>
    private sealed class Walk(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        private readonly UniquePaths _paths = new([]);
        private readonly List<(string Local, string Path, string Rel)> _toDescribe = [];

        public List<Artifact> Files { get; } = [];

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

            if (Files.Count + _toDescribe.Count >= options.MaxFiles)
            {
                Incomplete(string.Create(CultureInfo.InvariantCulture, $"stopped after {options.MaxFiles} files (the file limit); the rest was not read"));
                return false;
            }

            _toDescribe.Add((entry.FullName, Unique($"{target.Name}/{entryRel}"), entryRel));
            return true;
        }

        /// <summary>
        /// Hashes and sniffs the listed files on every core: reading and hashing is most of an inventory's time, and
        /// the result is sorted afterwards, so the order in which files finish does not matter.
        /// </summary>
        public void DescribeAll()
        {
            var described = new Artifact[_toDescribe.Count];
            Parallel.For(0, _toDescribe.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var (local, path, rel) = _toDescribe[i];
                described[i] = ArtifactReader.Describe(local, path, rel, target.Name, target.Name, cancellationToken);
            });
            Files.AddRange(described);
        }

        private void Add(Artifact artifact) => Files.Add(artifact);

        /// <summary>Virtual paths are identities (fingerprints, SARIF indexes); two entries must never share one.</summary>
        private string Unique(string path) => _paths.Unique(path);

        private void Incomplete(string note)
        {
            Complete = false;
            Notes.Add(note);
        }
    }
}
