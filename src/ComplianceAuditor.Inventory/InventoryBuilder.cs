using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Lists every artifact of a target. Directories are walked in ordinal name order (so output is deterministic),
/// read-only, without following symbolic links, within <see cref="InventoryOptions"/> bounds. Each file is hashed
/// and its kind sniffed from its first bytes. A repository's <c>.git</c> folder is left to the history scanner.
/// </summary>
public static class InventoryBuilder
{
    public static TargetInventory Build(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        return target.Kind == TargetKind.Firmware
            ? BuildFile(target)
            : BuildDirectory(target, options, cancellationToken);
    }

    private static TargetInventory BuildFile(AuditTarget target)
    {
        var artifact = Describe(target.LocalPath, target.Name, target.Name, parent: null, target.Name);
        return new TargetInventory(target with { Sha256 = artifact.Sha256, Size = artifact.Size }, [artifact]);
    }

    private static TargetInventory BuildDirectory(AuditTarget target, InventoryOptions options, CancellationToken cancellationToken)
    {
        var files = new List<Artifact>();
        var notes = new List<string>();
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
                notes.Add($"folder '{(rel.Length == 0 ? "." : rel)}' could not be listed: {e.Message}");
                continue;
            }

            // Reverse order on the stack so sub-folders are visited in ordinal order.
            foreach (var entry in entries.OrderByDescending(e => e.Name, StringComparer.Ordinal))
            {
                var entryRel = rel.Length == 0 ? entry.Name : $"{rel}/{entry.Name}";
                if (target.Kind == TargetKind.Repo && rel.Length == 0 && entry.Name == ".git")
                {
                    continue;
                }

                if (entry.LinkTarget is null && entry is DirectoryInfo)
                {
                    if (depth + 1 > options.MaxDepth)
                    {
                        notes.Add($"folder '{entryRel}' is deeper than the limit of {options.MaxDepth} levels and was not read");
                    }
                    else
                    {
                        pending.Push((entry.FullName, entryRel, depth + 1));
                    }

                    continue;
                }

                if (files.Count >= options.MaxFiles)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"stopped after {options.MaxFiles} files (the file limit); the rest was not read"));
                    pending.Clear();
                    break;
                }

                files.Add(Describe(entry.FullName, $"{target.Name}/{entryRel}", entryRel, target.Name, target.Name));
            }
        }

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
        return new TargetInventory(target with { Sha256 = root.Sha256, Size = root.Size }, [root, .. files]) { Notes = notes };
    }

    private static Artifact Describe(string localPath, string virtualPath, string relativePath, string? parent, string targetName)
    {
        var info = new FileInfo(localPath);
        var common = new Artifact { Path = virtualPath, Target = targetName, RelativePath = relativePath, Parent = parent, Kind = ArtifactKind.Binary };
        if (info.LinkTarget is not null)
        {
            return common with { Kind = ArtifactKind.Symlink, LinkTarget = info.LinkTarget };
        }

        try
        {
            if (info.Length == 0)
            {
                return common with { Kind = ArtifactKind.Text, Sha256 = EmptySha256, Content = EmptyContent.Instance };
            }

            var content = new FileContent(localPath);
            var (kind, sha) = SniffAndHash(content);
            return common with { Kind = kind, Size = info.Length, Sha256 = sha, Content = content };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return common with { Kind = ArtifactKind.Unreadable, Size = SafeLength(info), Note = e.Message };
        }
    }

    private static (ArtifactKind Kind, string Sha256) SniffAndHash(FileContent content)
    {
        using var stream = content.OpenRead();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new byte[ContentSniffer.HeadBytes];
        var headLength = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
            }

            sha.AppendData(buffer, 0, read);
        }

        return (ContentSniffer.Detect(head.AsSpan(0, headLength)), Convert.ToHexStringLower(sha.GetHashAndReset()));
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

    private static long SafeLength(FileInfo info)
    {
        try
        {
            return info.Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));
}
