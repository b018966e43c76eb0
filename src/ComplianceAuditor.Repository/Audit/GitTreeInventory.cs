using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Model;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// The files of a repository without a working tree (a bare repository, or a <c>.git</c> folder given itself): those of
/// the commit HEAD points at, read from the object database, each hashed and its kind sniffed as files on disk are.
/// Submodules, oversized blobs and unreadable objects are noted, and the last two make the inventory incomplete.
/// </summary>
public static class GitTreeInventory
{
    private const int MaxDepth = 256;

    /// <summary>At most this many notes; a tree of many unreadable entries must not fill the report.</summary>
    private const int MaxNotes = 50;

    /// <summary>
    /// Files of a bare repository are read whole to hash them; larger ones are listed unread. A worktree streams its
    /// files and has no such limit, but a bare repository's blobs come out of git compressed and must be held.
    /// </summary>
    public const long MaxFileBytes = 1L << 30;

    public static TargetInventory Build(AuditTarget target, int maxFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var opened = RepositoryLocator.Open(target.LocalPath);
        if (!opened.Succeeded)
        {
            return Finish(target, [], [$"the repository could not be opened, so none of its files were read: {opened.Error}"], complete: false);
        }

        var repository = opened.Repository!;
        var walk = new Walk(repository.Info.Path, target.Name, maxFiles, cancellationToken);
        try
        {
            if (repository.Head.Tip is not { } head)
            {
                // HEAD may name a branch that was never pushed (init --bare, then a push of another branch): the files
                // are then on other branches, and absence decided from an empty tree would be wrong.
                return repository.Refs.Any()
                    ? Finish(target, [], [$"HEAD points at {repository.Head.CanonicalName}, which names no commit, so no branch's files were read"], complete: false)
                    : Finish(target, [], ["HEAD has no commit yet; the repository has no files to read"], complete: true);
            }

            walk.Notes.Add($"no working tree: the files are those of commit {head.Sha[..12]} (HEAD, {repository.Head.FriendlyName})");
            walk.Visit(repository, head.Tree, "", 0);
        }
        catch (LibGit2SharpException e)
        {
            walk.Incomplete($"HEAD could not be read: {e.Message}");
        }

        return Finish(target, walk.Artifacts, walk.Notes, walk.Complete);
    }

    private static TargetInventory Finish(AuditTarget target, List<Artifact> files, List<string> notes, bool complete)
    {
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        using var tree = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        foreach (var file in files)
        {
            tree.AppendData(Encoding.UTF8.GetBytes($"{file.RelativePath}\0{file.Sha256}\n"));
            size += file.Size;
        }

        var root = new Artifact
        {
            Path = target.Name,
            Target = target.Name,
            RelativePath = "",
            Kind = ArtifactKind.Directory,
            Size = size,
            Sha256 = Convert.ToHexStringLower(tree.GetHashAndReset()),
        };
        return new TargetInventory(target with { Sha256 = root.Sha256, Size = size }, [root, .. files]) { Notes = notes, IsComplete = complete, TreeComplete = complete };
    }

    /// <summary>The state of one tree walk.</summary>
    private sealed class Walk(string gitDirectory, string target, int maxFiles, CancellationToken cancellationToken)
    {
        public List<Artifact> Artifacts { get; } = [];

        public List<string> Notes { get; } = [];

        public bool Complete { get; private set; } = true;

        /// <summary>Set when a limit stopped the walk: nothing more is visited, and it is said once.</summary>
        private bool _stopped;

        /// <summary>Entries visited, bounded like the history's walk against trees that repeat one subtree endlessly.</summary>
        private int _visited;

        private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

        public void Incomplete(string note)
        {
            Complete = false;
            if (Notes.Count < MaxNotes)
            {
                Notes.Add(note);
            }
        }

        private void Stop(string note)
        {
            _stopped = true;
            Incomplete(note);
        }

        public void Visit(LibGit2Sharp.Repository repository, Tree tree, string prefix, int depth)
        {
            foreach (var entry in tree)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_stopped)
                {
                    return;
                }

                if (++_visited > TreeDiff.MaxEntries)
                {
                    Stop($"the tree of HEAD names more than {TreeDiff.MaxEntries} entries; the rest was not read");
                    return;
                }

                var relative = prefix + entry.Name;
                if (!_paths.Add(relative))
                {
                    Incomplete($"'{relative}' is named twice in one tree, which git does not allow; only the first was read");
                }
                else if (entry.Name is "." or ".." || entry.Name.Contains('\0', StringComparison.Ordinal))
                {
                    // git itself refuses such names; a crafted tree can still hold them.
                    Incomplete($"'{relative}': a tree entry name git does not allow; not read");
                }
                else if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    if (depth + 1 >= MaxDepth)
                    {
                        Incomplete($"folder '{relative}' is nested deeper than {MaxDepth} levels; not read");
                    }
                    else
                    {
                        Visit(repository, (Tree)entry.Target, relative + "/", depth + 1);
                    }
                }
                else if (entry.TargetType == TreeEntryTargetType.GitLink)
                {
                    Notes.Add($"'{relative}' is a submodule (commit {entry.Target.Sha[..12]}), a repository of its own; audit it separately");
                }
                else if (Artifacts.Count >= maxFiles)
                {
                    Stop(string.Create(CultureInfo.InvariantCulture, $"stopped after {maxFiles} files (the file limit); the rest was not read"));
                    return;
                }
                else
                {
                    Artifacts.Add(Describe(entry, relative));
                }
            }
        }

        private Artifact Describe(TreeEntry entry, string relative)
        {
            var artifact = new Artifact
            {
                Path = $"{target}/{relative}",
                Target = target,
                RelativePath = relative,
                Parent = target,
                Kind = ArtifactKind.Unreadable,
                Mode = entry.Mode == Mode.ExecutableFile ? 0x1ed : 0x1a4,
            };
            try
            {
                var blob = (Blob)entry.Target;
                if (blob.Size > MaxFileBytes)
                {
                    Incomplete($"'{relative}' is {blob.Size} bytes, over the {MaxFileBytes} byte limit; not read");
                    return artifact with { Size = blob.Size, Note = $"over the {MaxFileBytes} byte limit" };
                }

                var bytes = Read(blob);
                if (entry.Mode == Mode.SymbolicLink)
                {
                    return artifact with { Kind = ArtifactKind.Symlink, LinkTarget = Encoding.UTF8.GetString(bytes), Mode = 0x1ff };
                }

                return artifact with
                {
                    Kind = ContentSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ContentSniffer.HeadBytes))),
                    Size = bytes.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    Content = new GitBlobContent(gitDirectory, blob.Sha),
                };
            }
            catch (Exception e) when (e is LibGit2SharpException or IOException or InvalidCastException)
            {
                Incomplete($"'{relative}' could not be read: {e.Message}");
                return artifact with { Note = $"the blob could not be read: {e.Message}" };
            }
        }

        private static byte[] Read(Blob blob)
        {
            using var stream = blob.GetContentStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
