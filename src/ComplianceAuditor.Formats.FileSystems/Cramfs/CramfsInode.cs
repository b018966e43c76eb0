using ComplianceAuditor.Formats.FileSystems.Common;

namespace ComplianceAuditor.Formats.FileSystems.Cramfs;

/// <summary>
/// A 12-byte cramfs inode. The fields are C bit-fields, so their position in each 32-bit word follows the byte order
/// the image was built for: little-endian images fill a word from its least significant bit, big-endian ones from
/// its most significant bit.
/// </summary>
internal readonly record struct CramfsInode(uint Mode, uint Uid, uint Size, uint Gid, int NameLength, long Offset)
{
    public const int Bytes = 12;

    public static CramfsInode Parse(ReadOnlySpan<byte> data, bool bigEndian)
    {
        var w0 = Endian.U32(data, 0, bigEndian);
        var w1 = Endian.U32(data, 4, bigEndian);
        var w2 = Endian.U32(data, 8, bigEndian);
        return bigEndian
            ? new CramfsInode(w0 >> 16, w0 & 0xFFFF, w1 >> 8, w1 & 0xFF, (int)(w2 >> 26) * 4, (long)(w2 & 0x03FF_FFFF) * 4)
            : new CramfsInode(w0 & 0xFFFF, w0 >> 16, w1 & 0x00FF_FFFF, w1 >> 24, (int)(w2 & 0x3F) * 4, (long)(w2 >> 6) * 4);
    }
}
