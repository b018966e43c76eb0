using ComplianceAuditor.Core.IO;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>
/// Lists a folder an external program extracted into, as entries with paths relative to it. Symlinks are reported
/// with their targets and never followed; special files are reported by type and never opened.
/// </summary>
internal static class ExtractedTree
{
    public static IEnumerable<UnpackedEntry> Walk(string root, UnpackContext context)
    {
        var pending = new Stack<(string Folder, string Prefix)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (folder, prefix) = pending.Pop();
            List<FileSystemInfo> children;
            try
            {
                children = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The program may leave folders we cannot list (mode 000 when not running as root).
                context.Warn(Invariant.Text($"the extracted folder '{prefix}' could not be listed and was skipped: {ex.Message}"));
                continue;
            }

            var subfolders = new List<(string, string)>();
            foreach (var info in children)
            {
                var path = prefix + info.Name;
                var entry = Describe(info, path);
                if (entry.Type == EntryType.Directory)
                {
                    subfolders.Add((info.FullName, path + "/"));
                }

                yield return entry;
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

    private static UnpackedEntry Describe(FileSystemInfo info, string path)
    {
        var status = UnixFileStatus.TryStat(info.FullName, followLinks: false);
        var entry = new UnpackedEntry
        {
            Path = path,
            Type = EntryType.File,
            Mode = status is null ? null : UnixModes.Permissions(status.Mode),
            Uid = status?.Uid,
            Gid = status?.Gid,
        };

        // The link test comes first: a link to a folder must not be taken for the folder.
        if (info.LinkTarget is { } target)
        {
            return entry with { Type = EntryType.Symlink, LinkTarget = target, Size = System.Text.Encoding.UTF8.GetByteCount(target) };
        }

        if (info is DirectoryInfo)
        {
            return entry with { Type = EntryType.Directory };
        }

        var type = status is null ? EntryType.File : UnixModes.TypeOf(status.Mode) ?? EntryType.File;
        switch (type)
        {
            case EntryType.CharDevice or EntryType.BlockDevice:
                return entry with { Type = type, Device = (status!.DeviceMajor, status.DeviceMinor) };
            case EntryType.Fifo or EntryType.Socket:
                return entry with { Type = type };
        }

        var size = status?.Size ?? ((FileInfo)info).Length;
        if (status is null && size == 0)
        {
            // Without lstat a FIFO cannot be told from an empty file, and opening a FIFO blocks: report it empty.
            return entry with { Size = 0, Open = () => new MemoryStream([], writable: false) };
        }

        var file = info.FullName;
        return entry with
        {
            Size = size,
            Mode = entry.Mode ?? (OperatingSystem.IsWindows() ? null : (int)info.UnixFileMode),
            Open = () => OpenFile(file, path),
        };
    }

    private static FileStream OpenFile(string file, string path)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnpackException(Invariant.Text($"the extracted file '{path}' could not be opened: {ex.Message}"), ex);
        }
    }
}
