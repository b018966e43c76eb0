using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Turns a container's entries into artifacts: files with the content measured while they were written, links and
/// device nodes recorded and never followed or opened, hard links as the file they name.
/// </summary>
internal static class EntryArtifacts
{
    /// <summary>The artifact for one entry.</summary>
    public static Artifact From(
        Artifact container, ExtractedItem item, string virtualPath, string targetName, string extractedBy, Func<string, Artifact?> extracted, CancellationToken ct)
    {
        var entry = item.Entry;
        var common = new Artifact
        {
            Path = virtualPath,
            Target = targetName,
            RelativePath = item.Path,
            Parent = container.Path,
            Kind = ArtifactKind.Binary,
            Offset = entry.Offset,
            Size = Math.Max(0, entry.Size),
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            LoadAddress = entry.LoadAddress,
            ExtractedBy = extractedBy,
            Note = entry.Description is null ? null : Core.Text.DisplayText.Sanitize(entry.Description, 300),
        };

        switch (entry.Type)
        {
            case EntryType.Directory:
                // Listed like every other entry, for its permissions and owner (a world-writable folder is a finding).
                return common with { Kind = ArtifactKind.Directory, Size = 0 };
            case EntryType.Symlink:
                return common with { Kind = ArtifactKind.Symlink, Size = 0, LinkTarget = entry.LinkTarget ?? "" };
            case EntryType.HardLink:
                return HardLink(container, common, entry, extracted);
            case EntryType.CharDevice or EntryType.BlockDevice or EntryType.Fifo or EntryType.Socket:
                return common with { Kind = ArtifactKind.Special, Size = 0, Note = Special(entry) };
            default:
                if (item.LocalPath is null)
                {
                    return common with { Kind = ArtifactKind.Unreadable, Note = item.Problem ?? "no content" };
                }

                var described = item.Content is { } measured
                    ? common with { Kind = measured.Kind, Size = measured.Size, Sha256 = measured.Sha256, Content = new FileContent(item.LocalPath) }
                    : ArtifactReader.Describe(item.LocalPath, virtualPath, item.Path, container.Path, targetName, ct);
                return described with
                {
                    Offset = common.Offset,
                    Mode = common.Mode,
                    Uid = common.Uid,
                    Gid = common.Gid,
                    LoadAddress = common.LoadAddress,
                    ExtractedBy = extractedBy,
                    Note = described.Note ?? common.Note,
                };
        }
    }

    /// <summary>A second name for a file already extracted: the same content, so checks see it as the file it is.</summary>
    private static Artifact HardLink(Artifact container, Artifact common, UnpackedEntry entry, Func<string, Artifact?> extracted)
    {
        var (target, _) = EntryPaths.Normalize(entry.LinkTarget ?? "");
        var original = target is null ? null : extracted($"{container.Path}!/{target}");
        if (original is { Kind: ArtifactKind.Symlink or ArtifactKind.Special })
        {
            // A second name for a link or a device node is that link or node (tar and cpio store them so).
            return common with { Kind = original.Kind, Size = 0, LinkTarget = original.LinkTarget, Note = original.Note };
        }

        if (original?.Content is not null)
        {
            return common with
            {
                Kind = original.Kind,
                Size = original.Size,
                Sha256 = original.Sha256,
                Content = original.Content,
                LinkTarget = target,
                Note = $"hard link to '{target}'",
            };
        }

        return common with { Kind = ArtifactKind.Unreadable, Size = 0, LinkTarget = entry.LinkTarget, Note = $"hard link to '{Core.Text.DisplayText.Sanitize(entry.LinkTarget ?? "", 200)}', which was not extracted" };
    }

    private static string Special(UnpackedEntry entry)
    {
        var kind = entry.Type switch
        {
            EntryType.CharDevice => "character device",
            EntryType.BlockDevice => "block device",
            EntryType.Fifo => "FIFO",
            _ => "socket",
        };
        return entry.Device is { } d ? string.Create(CultureInfo.InvariantCulture, $"{kind} {d.Major},{d.Minor}; never opened") : $"{kind}; never opened";
    }
}
