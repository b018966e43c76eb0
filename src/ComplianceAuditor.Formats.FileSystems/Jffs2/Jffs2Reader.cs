using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Jffs2;

/// <summary>
/// jffs2, the log-structured flash file system: no superblock, just nodes written one after another across erase
/// blocks. The tree is rebuilt as the kernel does at mount time: the newest directory entry for each name wins (one
/// pointing at inode 0 deletes the name), and each file is the overlay of its data nodes in version order.
/// </summary>
public sealed class Jffs2Reader : IFormatReader
{
    private const uint RootIno = 1;
    private const int MaxLinkTarget = 4096;

    public string Format => "jffs2";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } =
    [
        new FormatSignature([0x85, 0x19]),
        new FormatSignature([0x19, 0x85]),
    ];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < Jffs2Nodes.HeaderBytes)
        {
            return null;
        }

        foreach (var bigEndian in (ReadOnlySpan<bool>)[false, true])
        {
            if (Endian.U16(head, 0, bigEndian) != Jffs2Nodes.Magic)
            {
                continue;
            }

            var type = Endian.U16(head, 2, bigEndian);
            var length = Endian.U32(head, 4, bigEndian);
            var minimum = (type | Jffs2Nodes.AccurateBit) switch
            {
                Jffs2Nodes.Dirent => Jffs2Nodes.DirentBytes,
                Jffs2Nodes.Inode => Jffs2Nodes.InodeBytes,
                _ => Jffs2Nodes.HeaderBytes,
            };
            if (Jffs2Nodes.IsKnownType((ushort)(type | Jffs2Nodes.AccurateBit)) && length >= minimum && length <= available &&
                Jffs2Nodes.HeaderCrcMatches(head, bigEndian))
            {
                return new FormatMatch(null, bigEndian ? "jffs2, big-endian" : "jffs2, little-endian");
            }
        }

        return null;
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return Walk(source, context);
    }

    private static IEnumerable<UnpackedEntry> Walk(UnpackSource image, UnpackContext context)
    {
        var scan = Jffs2Scanner.Scan(image, context);
        var children = new Dictionary<uint, List<Jffs2Dirent>>();
        foreach (var dirent in scan.Dirents.Values)
        {
            if (dirent.Ino == 0)
            {
                continue;
            }

            if (!children.TryGetValue(dirent.ParentIno, out var list))
            {
                list = [];
                children.Add(dirent.ParentIno, list);
            }

            list.Add(dirent);
        }

        foreach (var list in children.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        // Depth-first from the root. The directories on the current path are the ancestors: meeting one again is a
        // cycle. A directory reached through a second parent is listed once only.
        var ancestors = new HashSet<uint> { RootIno };
        var listed = new HashSet<uint> { RootIno };
        var firstPathOf = new Dictionary<uint, string>();
        var stack = new Stack<(uint Ino, string Path, int Next)>();
        stack.Push((RootIno, string.Empty, 0));
        var dangling = 0;
        var secondParents = 0;
        while (stack.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (dirIno, dirPath, next) = stack.Pop();
            if (!children.TryGetValue(dirIno, out var list) || next >= list.Count)
            {
                ancestors.Remove(dirIno);
                continue;
            }

            stack.Push((dirIno, dirPath, next + 1));
            var dirent = list[next];
            var path = TreePath.Join(dirPath, dirent.Name, "jffs2");
            if (!scan.Inodes.TryGetValue(dirent.Ino, out var inode))
            {
                dangling++;
                continue;
            }

            var type = UnixModes.TypeOf(inode.Mode);
            if (type is null)
            {
                dangling++;
                continue;
            }

            if (type == EntryType.Directory)
            {
                if (ancestors.Contains(dirent.Ino))
                {
                    throw Invariant.Malformed(
                        $"jffs2: directory '{path}' (inode {dirent.Ino}, entry at 0x{dirent.Position:x}) is its own ancestor (a directory cycle)");
                }

                if (!listed.Add(dirent.Ino))
                {
                    secondParents++;
                    continue;
                }

                ancestors.Add(dirent.Ino);
                stack.Push((dirent.Ino, path, 0));
                yield return Entry(path, EntryType.Directory, inode);
                continue;
            }

            if (firstPathOf.TryGetValue(dirent.Ino, out var firstPath))
            {
                yield return Entry(path, EntryType.HardLink, inode) with { LinkTarget = firstPath };
                continue;
            }

            firstPathOf.Add(dirent.Ino, path);
            var entry = MakeEntry(image, context, scan.BigEndian, path, type.Value, inode);
            if (entry is not null)
            {
                yield return entry;
            }
        }

        if (dangling > 0)
        {
            context.Warn(Invariant.Text($"jffs2: {dangling} directory entries point at inodes with no valid inode node and were skipped"));
        }

        if (secondParents > 0)
        {
            context.Warn(Invariant.Text($"jffs2: {secondParents} directories linked from a second parent were listed only once"));
        }
    }

    private static UnpackedEntry Entry(string path, EntryType type, Jffs2InodeInfo inode) => new()
    {
        Path = path,
        Type = type,
        Mode = UnixModes.Permissions(inode.Mode),
        Uid = inode.Uid,
        Gid = inode.Gid,
    };

    private static UnpackedEntry? MakeEntry(
        UnpackSource image, UnpackContext context, bool bigEndian, string path, EntryType type, Jffs2InodeInfo inode)
    {
        var entry = Entry(path, type, inode);
        var content = new Jffs2Content(image, inode, path);
        switch (type)
        {
            case EntryType.File:
                return entry with { Size = inode.Size, Open = content.Open };
            case EntryType.Symlink:
                if (inode.Size > MaxLinkTarget)
                {
                    throw Invariant.Malformed($"jffs2: symlink '{path}' (inode {inode.Ino}) claims a {inode.Size}-byte target");
                }

                try
                {
                    return entry with { Size = inode.Size, LinkTarget = Encoding.UTF8.GetString(content.ReadAll()) };
                }
                catch (UnpackException ex)
                {
                    context.Warn(Invariant.Text($"jffs2: symlink '{path}' skipped: {ex.Message}"));
                    return null;
                }

            case EntryType.CharDevice or EntryType.BlockDevice:
                return entry with { Device = DecodeDevice(content.NewestNodeData(), bigEndian, path) };
            default:
                return entry;
        }
    }

    /// <summary>
    /// Devices keep their number as the node's data: 2 bytes in the old 8:8 encoding, or 4 bytes in the kernel's
    /// "new" encoding (12-bit major, 20-bit minor, split around the major).
    /// </summary>
    private static (long Major, long Minor) DecodeDevice(byte[] data, bool bigEndian, string path)
    {
        if (data.Length == 2)
        {
            var old = Endian.U16(data, 0, bigEndian);
            return ((old >> 8) & 0xFF, old & 0xFF);
        }

        if (data.Length == 4)
        {
            var value = Endian.U32(data, 0, bigEndian);
            return ((value & 0xF_FF00) >> 8, (value & 0xFF) | ((value >> 12) & 0xF_FF00));
        }

        throw Invariant.Malformed($"jffs2: device '{path}' has {data.Length} bytes of device number, expected 2 or 4");
    }
}
