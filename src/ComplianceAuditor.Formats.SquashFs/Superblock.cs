using System.Buffers.Binary;
using System.Globalization;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The 96-byte header of a little-endian squashfs 4.0 image, checked for internal consistency before anything
/// else is read: every table offset the reader will follow is ordered and inside <c>bytes_used</c>.
/// </summary>
internal sealed record Superblock
{
    public const int Size = 96;

    /// <summary>"hsqs" as stored: the magic 0x73717368 written little-endian.</summary>
    public const uint MagicLittleEndian = 0x73717368;

    /// <summary>Table offsets of absent tables (no xattrs, not exportable) hold all ones.</summary>
    public const ulong Absent = ulong.MaxValue;

    public const int MetadataBlockSize = 8192;

    public const ushort FlagCompressorOptions = 0x0400;

    public uint InodeCount { get; init; }

    public uint BlockSize { get; init; }

    public int BlockLog { get; init; }

    public uint FragmentCount { get; init; }

    public SquashFsCompression Compression { get; init; }

    public ushort Flags { get; init; }

    public ushort IdCount { get; init; }

    public ulong RootInode { get; init; }

    public long BytesUsed { get; init; }

    public long IdTableStart { get; init; }

    public long InodeTableStart { get; init; }

    public long DirectoryTableStart { get; init; }

    public long FragmentTableStart { get; init; }

    public bool HasCompressorOptions => (Flags & FlagCompressorOptions) != 0;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"squashfs 4.0, {Compression.Name()}, {InodeCount} inodes, block {BlockSize / 1024} KiB");

    /// <summary>
    /// Reads and validates a superblock. Returns null and the reason when <paramref name="head"/> is not a usable
    /// squashfs 4.0 little-endian header; <paramref name="available"/> bounds <c>bytes_used</c>.
    /// </summary>
    public static Superblock? Parse(ReadOnlySpan<byte> head, long available, out string? problem)
    {
        problem = null;
        if (head.Length < Size)
        {
            problem = "the superblock is cut short";
            return null;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(head) != MagicLittleEndian)
        {
            problem = "no 'hsqs' magic number";
            return null;
        }

        var major = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
        var minor = BinaryPrimitives.ReadUInt16LittleEndian(head[30..]);
        if (major != 4 || minor != 0)
        {
            problem = Invariant($"version {major}.{minor}, not 4.0");
            return null;
        }

        var block = new Superblock
        {
            InodeCount = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]),
            BlockSize = BinaryPrimitives.ReadUInt32LittleEndian(head[12..]),
            FragmentCount = BinaryPrimitives.ReadUInt32LittleEndian(head[16..]),
            Compression = (SquashFsCompression)BinaryPrimitives.ReadUInt16LittleEndian(head[20..]),
            BlockLog = BinaryPrimitives.ReadUInt16LittleEndian(head[22..]),
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(head[24..]),
            IdCount = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]),
            RootInode = BinaryPrimitives.ReadUInt64LittleEndian(head[32..]),
            BytesUsed = Signed(BinaryPrimitives.ReadUInt64LittleEndian(head[40..])),
            IdTableStart = Signed(BinaryPrimitives.ReadUInt64LittleEndian(head[48..])),
            InodeTableStart = Signed(BinaryPrimitives.ReadUInt64LittleEndian(head[64..])),
            DirectoryTableStart = Signed(BinaryPrimitives.ReadUInt64LittleEndian(head[72..])),
            FragmentTableStart = Signed(BinaryPrimitives.ReadUInt64LittleEndian(head[80..])),
        };

        problem = block.Validate(BinaryPrimitives.ReadUInt64LittleEndian(head[56..]), BinaryPrimitives.ReadUInt64LittleEndian(head[88..]), available);
        return problem is null ? block : null;
    }

    /// <summary>Offsets above 2^63 cannot be inside any image; mapping them to -1 lets one range check reject them.</summary>
    private static long Signed(ulong value) => value > long.MaxValue ? -1 : (long)value;

    private string? Validate(ulong xattrTableStart, ulong exportTableStart, long available)
    {
        if (BlockSize < 4096 || BlockSize > 1 << 20 || (BlockSize & (BlockSize - 1)) != 0)
        {
            return Invariant($"block size {BlockSize} is not a power of two between 4 KiB and 1 MiB");
        }

        if (1u << BlockLog != BlockSize || BlockLog > 20)
        {
            return Invariant($"block_log {BlockLog} does not match the block size {BlockSize}");
        }

        if (!SquashFsCompressionNames.IsKnown((int)Compression))
        {
            return Invariant($"unknown compressor id {(int)Compression}");
        }

        if (BytesUsed < Size)
        {
            return Invariant($"bytes_used 0x{BytesUsed:x} is smaller than the superblock");
        }

        if (BytesUsed > available)
        {
            return Invariant($"bytes_used 0x{BytesUsed:x} runs past the end of the data ({available} bytes): the image is truncated");
        }

        // mksquashfs writes the inode table, then the directory table, then the fragment, export, id and xattr
        // tables; the two metadata tables must at least be ordered so that each has a non-empty region to live in.
        if (InodeTableStart < Size || DirectoryTableStart <= InodeTableStart || DirectoryTableStart >= BytesUsed)
        {
            return Invariant($"inode table at 0x{InodeTableStart:x} and directory table at 0x{DirectoryTableStart:x} are not ordered inside bytes_used 0x{BytesUsed:x}");
        }

        if (IdCount == 0)
        {
            return "the id table is empty (every inode names an owner in it)";
        }

        if (IdTableStart <= DirectoryTableStart || IdTableStart > BytesUsed - (IndexEntries(IdCount, 2048) * 8))
        {
            return Invariant($"id table index at 0x{IdTableStart:x} is outside the image (directory table at 0x{DirectoryTableStart:x}, bytes_used 0x{BytesUsed:x})");
        }

        if (FragmentCount > 0
            && (FragmentTableStart <= DirectoryTableStart || FragmentTableStart > BytesUsed - (IndexEntries(FragmentCount, 512) * 8)))
        {
            return Invariant($"fragment table index at 0x{FragmentTableStart:x} for {FragmentCount} fragments is outside the image (bytes_used 0x{BytesUsed:x})");
        }

        if ((xattrTableStart != Absent && xattrTableStart >= (ulong)BytesUsed) || (exportTableStart != Absent && exportTableStart >= (ulong)BytesUsed))
        {
            return Invariant($"xattr table (0x{xattrTableStart:x}) or export table (0x{exportTableStart:x}) is outside bytes_used 0x{BytesUsed:x}");
        }

        var rootBlock = (long)(RootInode >> 16);
        var rootOffset = (int)(RootInode & 0xffff);
        if (RootInode >> 48 != 0 || rootBlock >= DirectoryTableStart - InodeTableStart || rootOffset >= MetadataBlockSize)
        {
            return Invariant($"root inode reference 0x{RootInode:x} is outside the inode table");
        }

        // The smallest inode (a basic FIFO or socket) takes 20 bytes, and a metadata block of at least 3 bytes
        // (header and one byte) expands to at most 8 KiB: a count beyond that cannot be stored in the inode table.
        if (InodeCount == 0 || InodeCount > MaxUncompressedBytes(InodeTableStart, DirectoryTableStart) / 20)
        {
            return Invariant($"inode count {InodeCount} does not fit the {DirectoryTableStart - InodeTableStart}-byte inode table");
        }

        return null;
    }

    /// <summary>An upper bound on the metadata bytes a region of the image can expand to (3+ bytes per 8 KiB block).</summary>
    public static long MaxUncompressedBytes(long start, long end) => ((end - start) / 3 + 1) * MetadataBlockSize;

    private static long IndexEntries(long count, long perBlock) => (count + perBlock - 1) / perBlock;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
