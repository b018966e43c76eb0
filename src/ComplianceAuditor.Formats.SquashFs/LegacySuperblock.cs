using System.Buffers.Binary;
using System.Globalization;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Squashfs images this reader recognises but does not open: versions 1.x to 3.x (either byte order) and the
/// big-endian 4.0 some vendor kernels used. Their headers are validated as carefully as a 4.0 one so that a stray
/// "sqsh" in a binary is not taken for an image; <see cref="SquashFsReader.Read"/> names the tool that opens them.
/// </summary>
internal sealed record LegacySuperblock(int Major, int Minor, bool BigEndian, long BytesUsed, uint BlockSize)
{
    /// <summary>"sqsh" as stored: the magic written big-endian.</summary>
    public const uint MagicBigEndian = 0x73717368;

    // Field offsets of the packed 1.x-3.x header (squashfs_super_block of those releases).
    private const int MajorOffset = 28;
    private const int BlockSize16Offset = 32;
    private const int BlockLogOffset = 34;
    private const int BlockSize32Offset = 51;
    private const int BytesUsed64Offset = 63;
    private const int InodeTable64Offset = 87;
    private const int DirectoryTable64Offset = 95;
    private const int Version3HeaderSize = 103;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"squashfs {Major}.{Minor} ({(BigEndian ? "big" : "little")}-endian), block {BlockSize / 1024} KiB");

    public string Tools => Major == 4
        ? "sasquatch (which reads vendor variants of squashfs) would open it; unsquashfs 4.x reads only little-endian 4.0"
        : "unsquashfs (Debian package squashfs-tools) or sasquatch would open it";

    public static LegacySuperblock? Parse(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < Superblock.Size)
        {
            return null;
        }

        bool bigEndian;
        if (BinaryPrimitives.ReadUInt32LittleEndian(head) == Superblock.MagicLittleEndian)
        {
            bigEndian = false;
        }
        else if (BinaryPrimitives.ReadUInt32BigEndian(head) == MagicBigEndian)
        {
            bigEndian = true;
        }
        else
        {
            return null;
        }

        var major = U16(head, MajorOffset, bigEndian);
        var minor = U16(head, MajorOffset + 2, bigEndian);
        if (minor > 1)
        {
            return null;
        }

        return major switch
        {
            1 or 2 => ParseOld(head, available, major, minor, bigEndian),
            3 => ParseVersion3(head, available, minor, bigEndian),
            4 when bigEndian => ParseBigEndian4(head, available, minor),
            _ => null,
        };
    }

    private static LegacySuperblock? ParseOld(ReadOnlySpan<byte> head, long available, int major, int minor, bool bigEndian)
    {
        // 1.x and 2.x keep 32-bit table offsets right after the magic; 2.x added a 32-bit block size because its
        // 64 KiB blocks overflow the 16-bit field 1.x used.
        var bytesUsed = (long)U32(head, 8, bigEndian);
        var inodeTable = (long)U32(head, 20, bigEndian);
        var directoryTable = (long)U32(head, 24, bigEndian);
        var blockLog = U16(head, BlockLogOffset, bigEndian);
        var blockSize = major == 1 ? U16(head, BlockSize16Offset, bigEndian) : U32(head, BlockSize32Offset, bigEndian);
        if (blockLog is < 12 or > 16 || blockSize != 1u << blockLog)
        {
            return null;
        }

        return Plausible(bytesUsed, inodeTable, directoryTable, available)
            ? new LegacySuperblock(major, minor, bigEndian, bytesUsed, blockSize)
            : null;
    }

    private static LegacySuperblock? ParseVersion3(ReadOnlySpan<byte> head, long available, int minor, bool bigEndian)
    {
        var blockLog = U16(head, BlockLogOffset, bigEndian);
        var blockSize = U32(head, BlockSize32Offset, bigEndian);
        if (head.Length < Version3HeaderSize || blockLog is < 12 or > 20 || blockSize != 1u << blockLog)
        {
            return null;
        }

        var bytesUsed = U64(head, BytesUsed64Offset, bigEndian);
        var inodeTable = U64(head, InodeTable64Offset, bigEndian);
        var directoryTable = U64(head, DirectoryTable64Offset, bigEndian);
        return Plausible(bytesUsed, inodeTable, directoryTable, available)
            ? new LegacySuperblock(3, minor, bigEndian, bytesUsed, blockSize)
            : null;
    }

    private static LegacySuperblock? ParseBigEndian4(ReadOnlySpan<byte> head, long available, int minor)
    {
        // The same layout as little-endian 4.0, every field byte-swapped.
        var blockSize = BinaryPrimitives.ReadUInt32BigEndian(head[12..]);
        var compression = BinaryPrimitives.ReadUInt16BigEndian(head[20..]);
        var blockLog = BinaryPrimitives.ReadUInt16BigEndian(head[22..]);
        if (blockLog is < 12 or > 20 || blockSize != 1u << blockLog || !SquashFsCompressionNames.IsKnown(compression))
        {
            return null;
        }

        var bytesUsed = U64(head, 40, bigEndian: true);
        var inodeTable = U64(head, 64, bigEndian: true);
        var directoryTable = U64(head, 72, bigEndian: true);
        return Plausible(bytesUsed, inodeTable, directoryTable, available)
            ? new LegacySuperblock(4, minor, true, bytesUsed, blockSize)
            : null;
    }

    private static bool Plausible(long bytesUsed, long inodeTable, long directoryTable, long available) =>
        bytesUsed >= Superblock.Size && bytesUsed <= available
        && inodeTable >= Superblock.Size && inodeTable < directoryTable && directoryTable < bytesUsed;

    private static ushort U16(ReadOnlySpan<byte> head, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(head[offset..]) : BinaryPrimitives.ReadUInt16LittleEndian(head[offset..]);

    private static uint U32(ReadOnlySpan<byte> head, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(head[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(head[offset..]);

    private static long U64(ReadOnlySpan<byte> head, int offset, bool bigEndian)
    {
        var value = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(head[offset..]) : BinaryPrimitives.ReadUInt64LittleEndian(head[offset..]);
        return value > long.MaxValue ? -1 : (long)value;
    }
}
