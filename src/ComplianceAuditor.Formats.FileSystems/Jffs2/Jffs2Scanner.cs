using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Jffs2;

/// <summary>What a scan of a jffs2 image found: the live directory entries and the inodes with their data nodes.</summary>
internal sealed class Jffs2Scan(bool bigEndian)
{
    public bool BigEndian { get; } = bigEndian;

    public Dictionary<uint, Jffs2InodeInfo> Inodes { get; } = [];

    /// <summary>For each (directory, name), the entry with the highest version.</summary>
    public Dictionary<(uint Parent, string Name), Jffs2Dirent> Dirents { get; } = [];
}

/// <summary>
/// Walks a jffs2 image the way the kernel's mount scan does: every 4-byte aligned position may start a node; a node
/// whose header CRC checks is taken (and skipped over by its length), anything else is stepped over 4 bytes at a
/// time, including the 0xFF of erased flash. Nodes with a bad CRC or impossible fields are skipped and counted.
/// </summary>
internal static class Jffs2Scanner
{
    public static Jffs2Scan Scan(UnpackSource image, UnpackContext context)
    {
        var window = new ReadWindow(image);
        var bigEndian = DetectByteOrder(window, context.CancellationToken)
            ?? throw Invariant.Malformed($"jffs2: {image.Name} contains no node with a valid header CRC");
        var scan = new Jffs2Scan(bigEndian);
        var problems = new Problems();
        var nodeBuffer = new byte[Jffs2Nodes.InodeBytes + Jffs2Nodes.MaxNodeData];
        long position = 0;
        long steps = 0;
        while (position + Jffs2Nodes.HeaderBytes <= image.Length)
        {
            if ((++steps & 0xFFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            var header = window.Get(position, Jffs2Nodes.HeaderBytes);
            if (Endian.U16(header, 0, bigEndian) != Jffs2Nodes.Magic)
            {
                position += 4;
                continue;
            }

            var type = Endian.U16(header, 2, bigEndian);
            var length = Endian.U32(header, 4, bigEndian);
            if (!Jffs2Nodes.HeaderCrcMatches(header, bigEndian))
            {
                problems.BadHeaderCrc++;
                position += 4;
                continue;
            }

            if (length < Jffs2Nodes.HeaderBytes || length > image.Length - position)
            {
                problems.BadLength++;
                problems.FirstBadLength ??= Invariant.Text($"0x{position:x} claims {length} bytes");
                position += 4;
                continue;
            }

            // Obsolete ("dirty") nodes, whose accurate bit the kernel cleared when it superseded them, are stepped
            // over like clean markers and padding.
            if ((type & Jffs2Nodes.AccurateBit) != 0)
            {
                if (type == Jffs2Nodes.Dirent)
                {
                    ReadDirent(image, position, length, scan, nodeBuffer, problems);
                }
                else if (type == Jffs2Nodes.Inode)
                {
                    ReadInode(image, position, length, scan, nodeBuffer, problems);
                }
                else if (!Jffs2Nodes.IsKnownType(type))
                {
                    problems.UnknownType++;
                }
            }

            position += (length + 3) & ~3L;
        }

        problems.Report(context);
        return scan;
    }

    /// <summary>Finds the byte order from the first aligned position holding a node header whose CRC checks.</summary>
    private static bool? DetectByteOrder(ReadWindow window, CancellationToken cancellationToken)
    {
        for (long position = 0; position + Jffs2Nodes.HeaderBytes <= window.Length; position += 4)
        {
            if ((position & 0xF_FFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var header = window.Get(position, Jffs2Nodes.HeaderBytes);
            foreach (var bigEndian in (ReadOnlySpan<bool>)[false, true])
            {
                if (Endian.U16(header, 0, bigEndian) == Jffs2Nodes.Magic && Jffs2Nodes.HeaderCrcMatches(header, bigEndian))
                {
                    return bigEndian;
                }
            }
        }

        return null;
    }

    private static void ReadDirent(UnpackSource image, long position, uint length, Jffs2Scan scan, byte[] buffer, Problems problems)
    {
        if (length < Jffs2Nodes.DirentBytes || length > Jffs2Nodes.DirentBytes + 255)
        {
            problems.BadNode++;
            return;
        }

        var node = buffer.AsSpan(0, (int)length);
        image.ReadExactly(position, node, "jffs2 dirent node");
        var be = scan.BigEndian;
        var nameLength = node[28];
        if (Crc32.Update(0, node[..32]) != Endian.U32(node, 32, be) || nameLength > length - Jffs2Nodes.DirentBytes)
        {
            problems.BadNode++;
            return;
        }

        var name = node.Slice(Jffs2Nodes.DirentBytes, nameLength);
        if (Crc32.Update(0, name) != Endian.U32(node, 36, be) || nameLength == 0)
        {
            problems.BadNode++;
            return;
        }

        var dirent = new Jffs2Dirent(
            Endian.U32(node, 12, be), Endian.U32(node, 16, be), Endian.U32(node, 20, be), node[29], Encoding.UTF8.GetString(name), position);
        var key = (dirent.ParentIno, dirent.Name);
        if (!scan.Dirents.TryGetValue(key, out var existing) || dirent.Version > existing.Version ||
            (dirent.Version == existing.Version && dirent.Position > existing.Position))
        {
            scan.Dirents[key] = dirent;
        }
    }

    private static void ReadInode(UnpackSource image, long position, uint length, Jffs2Scan scan, byte[] buffer, Problems problems)
    {
        if (length < Jffs2Nodes.InodeBytes || length > Jffs2Nodes.InodeBytes + Jffs2Nodes.MaxNodeData)
        {
            problems.BadNode++;
            return;
        }

        var node = buffer.AsSpan(0, (int)length);
        image.ReadExactly(position, node, "jffs2 inode node");
        var be = scan.BigEndian;
        if (Crc32.Update(0, node[..60]) != Endian.U32(node, 64, be))
        {
            problems.BadNode++;
            return;
        }

        var ino = Endian.U32(node, 12, be);
        var version = Endian.U32(node, 16, be);
        var offset = Endian.U32(node, 44, be);
        var compressedSize = Endian.U32(node, 48, be);
        var dataSize = Endian.U32(node, 52, be);
        var compression = node[56];
        if (compressedSize > length - Jffs2Nodes.InodeBytes ||
            Crc32.Update(0, node.Slice(Jffs2Nodes.InodeBytes, (int)compressedSize)) != Endian.U32(node, 60, be))
        {
            problems.BadNode++;
            return;
        }

        if (dataSize > Jffs2Nodes.MaxNodeData || (ulong)offset + dataSize > uint.MaxValue)
        {
            // A node that would place data beyond the 4 GiB a jffs2 file can have, or carries more than a page.
            problems.AbsurdRange++;
            problems.FirstAbsurd ??= Invariant.Text($"inode {ino} at 0x{position:x}: {dataSize} bytes at offset 0x{offset:x}");
            return;
        }

        if (!Jffs2Nodes.IsSupportedCompression(compression))
        {
            problems.Unsupported[compression] = problems.Unsupported.GetValueOrDefault(compression) + 1;
        }

        if (!scan.Inodes.TryGetValue(ino, out var inode))
        {
            inode = new Jffs2InodeInfo(ino);
            scan.Inodes.Add(ino, inode);
        }

        inode.Add(
            new Jffs2DataNode(version, offset, dataSize, compressedSize, compression, position + Jffs2Nodes.InodeBytes),
            Endian.U32(node, 20, be),
            Endian.U16(node, 24, be),
            Endian.U16(node, 26, be),
            Endian.U32(node, 28, be));
    }

    /// <summary>Counts of skipped nodes, reported once per image rather than once per node.</summary>
    private sealed class Problems
    {
        public int BadHeaderCrc { get; set; }

        public int BadLength { get; set; }

        public string? FirstBadLength { get; set; }

        public int BadNode { get; set; }

        public int AbsurdRange { get; set; }

        public string? FirstAbsurd { get; set; }

        public int UnknownType { get; set; }

        public SortedDictionary<byte, int> Unsupported { get; } = [];

        public void Report(UnpackContext context)
        {
            if (BadHeaderCrc > 0)
            {
                context.Warn(Invariant.Text($"jffs2: {BadHeaderCrc} node headers with a bad CRC were skipped"));
            }

            if (BadLength > 0)
            {
                context.Warn(Invariant.Text(
                    $"jffs2: {BadLength} nodes with an impossible length (under a header or running past the end of the image) were skipped") +
                    Invariant.Text($" (first at {FirstBadLength})"));
            }

            if (BadNode > 0)
            {
                context.Warn(Invariant.Text($"jffs2: {BadNode} nodes with a bad node or data CRC were skipped"));
            }

            if (AbsurdRange > 0)
            {
                context.Warn(Invariant.Text($"jffs2: {AbsurdRange} inode nodes with an impossible data range were skipped (first: {FirstAbsurd})"));
            }

            if (UnknownType > 0)
            {
                context.Warn(Invariant.Text($"jffs2: {UnknownType} nodes of unknown types were skipped"));
            }

            foreach (var (compression, count) in Unsupported)
            {
                var name = Jffs2Nodes.CompressionName(compression);
                context.Warn(Invariant.Text(
                    $"jffs2: {count} data nodes use {name} compression, which this reader does not support; their files' content is unavailable"));
            }
        }
    }
}
