using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Jffs2;

/// <summary>Node header constants of jffs2 (a 12-byte header: magic, node type, total length, header CRC).</summary>
internal static class Jffs2Nodes
{
    public const ushort Magic = 0x1985;
    public const int HeaderBytes = 12;
    public const int DirentBytes = 40;
    public const int InodeBytes = 68;

    public const ushort Dirent = 0xE001;
    public const ushort Inode = 0xE002;
    public const ushort CleanMarker = 0x2003;
    public const ushort Padding = 0x2004;
    public const ushort Summary = 0x2006;
    public const ushort Xattr = 0xE008;
    public const ushort XattrRef = 0xE009;

    /// <summary>Set on every live node; the kernel clears it in place to mark a node obsolete ("dirty").</summary>
    public const ushort AccurateBit = 0x2000;

    /// <summary>
    /// Largest data a node may carry. Nodes never span a page, and the largest page size Linux uses is 64 KiB; the
    /// bound keeps a forged node from asking for an arbitrary allocation.
    /// </summary>
    public const int MaxNodeData = 64 * 1024;

    public const byte ComprNone = 0x00;
    public const byte ComprZero = 0x01;
    public const byte ComprRtime = 0x02;
    public const byte ComprZlib = 0x06;

    /// <summary>
    /// Checks the header CRC. It is computed as if the "accurate" bit were set, because obsoleting a node clears that
    /// bit in place without rewriting the CRC.
    /// </summary>
    public static bool HeaderCrcMatches(ReadOnlySpan<byte> header, bool bigEndian)
    {
        Span<byte> copy = stackalloc byte[8];
        header[..8].CopyTo(copy);
        copy[bigEndian ? 2 : 3] |= AccurateBit >> 8;
        return Crc32.Update(0, copy) == Endian.U32(header, 8, bigEndian);
    }

    public static bool IsKnownType(ushort type) =>
        type is Dirent or Inode or CleanMarker or Padding or Summary or Xattr or XattrRef;

    public static string CompressionName(byte compression) => compression switch
    {
        0x00 => "none",
        0x01 => "zero",
        0x02 => "rtime",
        0x03 => "rubinmips",
        0x04 => "copy",
        0x05 => "dynrubin",
        0x06 => "zlib",
        0x07 => "lzo",
        0x08 => "lzma",
        _ => "unknown (0x" + compression.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + ")",
    };

    public static bool IsSupportedCompression(byte compression) =>
        compression is ComprNone or ComprZero or ComprRtime or ComprZlib;
}

/// <summary>Where one inode node's data lies, kept instead of the data itself so memory stays small.</summary>
/// <param name="DataPosition">Offset of the (compressed) data in the image.</param>
internal readonly record struct Jffs2DataNode(uint Version, uint Offset, uint DataSize, uint CompressedSize, byte Compression, long DataPosition);

/// <summary>One directory entry node: name <c>Name</c> in directory <c>ParentIno</c> refers to <c>Ino</c> (0: deleted).</summary>
internal sealed record Jffs2Dirent(uint ParentIno, uint Version, uint Ino, byte Type, string Name, long Position);

/// <summary>Everything known about one inode after the scan: attributes from its newest node, and all its data nodes.</summary>
internal sealed class Jffs2InodeInfo(uint ino)
{
    public uint Ino { get; } = ino;

    public uint Version { get; private set; }

    public long VersionPosition { get; private set; } = -1;

    public uint Mode { get; private set; }

    public uint Uid { get; private set; }

    public uint Gid { get; private set; }

    public uint Size { get; private set; }

    public List<Jffs2DataNode> Nodes { get; } = [];

    public void Add(Jffs2DataNode node, uint mode, uint uid, uint gid, uint size)
    {
        Nodes.Add(node);

        // The newest node carries the current attributes; equal versions are settled by position so the outcome
        // does not depend on anything but the image.
        if (VersionPosition < 0 || node.Version > Version || (node.Version == Version && node.DataPosition > VersionPosition))
        {
            Version = node.Version;
            VersionPosition = node.DataPosition;
            Mode = mode;
            Uid = uid;
            Gid = gid;
            Size = size;
        }
    }
}
