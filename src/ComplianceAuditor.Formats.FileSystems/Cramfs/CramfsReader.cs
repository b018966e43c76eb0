using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Cramfs;

/// <summary>
/// cramfs, the compressed read-only file system of small Linux devices, in either byte order. The superblock declares
/// the image size and a CRC-32 over it; directories are runs of inodes followed by their names; file data is zlib
/// compressed one 4 KiB page at a time.
/// </summary>
public sealed class CramfsReader : IFormatReader
{
    // PATH_MAX: a longer symlink target is corrupt, and reading it would be an unbounded allocation.
    private const int MaxLinkTarget = 4096;

    public string Format => "cramfs";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } =
    [
        new FormatSignature([0x45, 0x3D, 0xCD, 0x28]),
        new FormatSignature([0x28, 0xCD, 0x3D, 0x45]),
    ];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        var super = CramfsSuperblock.TryParse(head, out _);
        if (super is null)
        {
            return null;
        }

        var order = super.BigEndian ? "big-endian" : "little-endian";
        var name = super.Name.Length > 0 ? Invariant.Text($", '{super.Name}'") : string.Empty;
        if (!super.HasVersion2)
        {
            return new FormatMatch(null, Invariant.Text($"cramfs (version 1), {order}{name}"));
        }

        return new FormatMatch(super.Size, Invariant.Text($"cramfs, {order}, {super.Size} bytes, {super.Files} files{name}"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var header = new byte[CramfsSuperblock.Bytes];
        source.ReadExactly(0, header, "cramfs superblock");
        var super = CramfsSuperblock.TryParse(header, out var reason)
            ?? throw Invariant.Malformed($"cramfs: {source.Name} has no valid superblock: {reason}");
        if (super.UnsupportedFlags != 0)
        {
            throw Invariant.Malformed($"cramfs: {source.Name} uses feature flags 0x{super.UnsupportedFlags:x} that this reader does not support");
        }

        var image = source;
        if (super.HasVersion2)
        {
            if (super.Size > source.Length)
            {
                throw Invariant.Malformed(
                    $"cramfs: the superblock declares {super.Size} bytes but only {source.Length} are present (truncated image)");
            }

            image = source.Slice(0, super.Size);
            VerifyCrc(image, super, context);
        }

        return Walk(image, super, context);
    }

    private static void VerifyCrc(UnpackSource image, CramfsSuperblock super, UnpackContext context)
    {
        var buffer = new byte[64 * 1024];
        var crc = 0xFFFF_FFFFu;
        for (long offset = 0; offset < image.Length; offset += buffer.Length)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, image.Length - offset));
            image.ReadExactly(offset, chunk, "cramfs image");
            if (offset == 0)
            {
                // The CRC is computed with its own field zeroed.
                chunk.Slice(32, 4).Clear();
            }

            crc = Crc32.Update(crc, chunk);
        }

        crc = ~crc;
        if (crc != super.Crc)
        {
            context.Warn(Invariant.Text(
                $"cramfs: CRC mismatch (superblock says 0x{super.Crc:x8}, the image hashes to 0x{crc:x8}); the image may be corrupt"));
        }
    }

    private static IEnumerable<UnpackedEntry> Walk(UnpackSource image, CramfsSuperblock super, UnpackContext context)
    {
        // Each directory's entries are listed exactly once, and each inode record parsed once: a directory that points
        // back at one already listed (a cycle) or directories that overlap are malformed, and refusing them bounds
        // the walk by the image size.
        var listedDirectories = new HashSet<long>();
        var parsedInodes = new HashSet<long>();
        var pending = new Stack<(string Path, long Position, long End)>();
        if (super.Root.Offset != 0 && super.Root.Size > 0)
        {
            CheckDirectoryRegion(image, "/", super.Root);
            listedDirectories.Add(super.Root.Offset);
            pending.Push((string.Empty, super.Root.Offset, super.Root.Offset + super.Root.Size));
        }

        var record = new byte[CramfsInode.Bytes];
        while (pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (parent, position, end) = pending.Pop();
            if (position >= end)
            {
                continue;
            }

            if (end - position < CramfsInode.Bytes)
            {
                throw Invariant.Malformed($"cramfs: directory '{parent}' has a partial entry at 0x{position:x}");
            }

            if (!parsedInodes.Add(position))
            {
                throw Invariant.Malformed($"cramfs: the inode at 0x{position:x} is listed by two directories (overlapping directories)");
            }

            image.ReadExactly(position, record, "cramfs inode");
            var inode = CramfsInode.Parse(record, super.BigEndian);
            var nameStart = position + CramfsInode.Bytes;
            if (inode.NameLength == 0 || inode.NameLength > end - nameStart)
            {
                throw Invariant.Malformed(
                    $"cramfs: the entry at 0x{position:x} in directory '{parent}' has a name of {inode.NameLength} bytes that does not fit in it");
            }

            var nameBytes = new byte[inode.NameLength];
            image.ReadExactly(nameStart, nameBytes, "cramfs name");
            var nul = Array.IndexOf(nameBytes, (byte)0);
            var name = Encoding.UTF8.GetString(nameBytes, 0, nul < 0 ? nameBytes.Length : nul);
            if (name.Length == 0)
            {
                throw Invariant.Malformed($"cramfs: the entry at 0x{position:x} in directory '{parent}' has an empty name");
            }

            // Siblings after this entry wait below its children, so the walk is depth-first in storage order.
            pending.Push((parent, nameStart + inode.NameLength, end));
            var path = TreePath.Join(parent, name, "cramfs");
            var type = UnixModes.TypeOf(inode.Mode)
                ?? throw Invariant.Malformed($"cramfs: '{path}' at 0x{position:x} has an unknown file type in mode 0x{inode.Mode:x4}");
            if (type == EntryType.Directory && inode.Offset != 0 && inode.Size > 0)
            {
                if (!listedDirectories.Add(inode.Offset))
                {
                    throw Invariant.Malformed(
                        $"cramfs: directory '{path}' points at 0x{inode.Offset:x}, a directory already listed (a directory cycle)");
                }

                CheckDirectoryRegion(image, path, inode);
                pending.Push((path, inode.Offset, inode.Offset + inode.Size));
            }

            yield return MakeEntry(image, super, path, type, inode);
        }
    }

    private static void CheckDirectoryRegion(UnpackSource image, string path, CramfsInode inode)
    {
        if (inode.Offset < CramfsSuperblock.Bytes || inode.Offset > image.Length || inode.Size > image.Length - inode.Offset)
        {
            throw Invariant.Malformed(
                $"cramfs: directory '{path}' at 0x{inode.Offset:x} ({inode.Size} bytes) lies outside the {image.Length}-byte image");
        }
    }

    private static UnpackedEntry MakeEntry(UnpackSource image, CramfsSuperblock super, string path, EntryType type, CramfsInode inode)
    {
        var entry = new UnpackedEntry
        {
            Path = path,
            Type = type,
            Mode = UnixModes.Permissions(inode.Mode),
            Uid = inode.Uid,
            Gid = inode.Gid,
        };
        switch (type)
        {
            case EntryType.File:
                var pages = new CramfsPages(image, super, path, inode);
                return entry with { Size = inode.Size, Open = pages.Open };
            case EntryType.Symlink:
                if (inode.Size > MaxLinkTarget)
                {
                    throw Invariant.Malformed($"cramfs: symlink '{path}' claims a {inode.Size}-byte target");
                }

                var target = new CramfsPages(image, super, path, inode).ReadAll();
                return entry with { Size = inode.Size, LinkTarget = Encoding.UTF8.GetString(target) };
            case EntryType.CharDevice or EntryType.BlockDevice:
                // The size field holds the device number in the old 8:8 encoding.
                return entry with { Device = ((inode.Size >> 8) & 0xFF, inode.Size & 0xFF) };
            default:
                return entry;
        }
    }
}
