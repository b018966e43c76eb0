using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Ubi;

/// <summary>
/// The erase-counter header that starts every UBI physical eraseblock ("UBI#"): where the volume-identifier header
/// and the data sit inside the block. All UBI fields are big-endian; each header ends with a CRC-32 (seeded with ~0,
/// not inverted) over the bytes before it.
/// </summary>
internal sealed record UbiEcHeader(byte Version, ulong EraseCount, uint VidHeaderOffset, uint DataOffset, uint ImageSequence)
{
    public const int Bytes = 64;
    public const uint Magic = 0x5542_4923;

    public static UbiEcHeader? TryParse(ReadOnlySpan<byte> data)
    {
        if (data.Length < Bytes || BinaryPrimitives.ReadUInt32BigEndian(data) != Magic ||
            Crc32.Update(0xFFFF_FFFF, data[..60]) != BinaryPrimitives.ReadUInt32BigEndian(data[60..]))
        {
            return null;
        }

        var header = new UbiEcHeader(
            data[4],
            BinaryPrimitives.ReadUInt64BigEndian(data[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[20..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[24..]));

        // The VID header follows this one and precedes the data; anything else cannot be laid out in a block.
        return header.VidHeaderOffset >= Bytes && header.DataOffset >= header.VidHeaderOffset + UbiVidHeader.Bytes ? header : null;
    }
}

/// <summary>The volume-identifier header ("UBI!"): which logical eraseblock of which volume a physical block holds.</summary>
internal sealed record UbiVidHeader(
    byte VolumeType, byte CopyFlag, uint VolumeId, uint LogicalBlock, uint DataSize, uint UsedBlocks, uint DataPad, ulong Sequence)
{
    public const int Bytes = 64;
    public const uint Magic = 0x5542_4921;
    public const byte Dynamic = 1;
    public const byte Static = 2;

    /// <summary>The internal volume that holds the volume table (two copies, logical blocks 0 and 1).</summary>
    public const uint LayoutVolumeId = 0x7FFF_EFFF;

    public static UbiVidHeader? TryParse(ReadOnlySpan<byte> data)
    {
        if (data.Length < Bytes || BinaryPrimitives.ReadUInt32BigEndian(data) != Magic ||
            Crc32.Update(0xFFFF_FFFF, data[..60]) != BinaryPrimitives.ReadUInt32BigEndian(data[60..]))
        {
            return null;
        }

        return new UbiVidHeader(
            data[5],
            data[6],
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[20..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[24..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[28..]),
            BinaryPrimitives.ReadUInt64BigEndian(data[40..]));
    }
}

/// <summary>One 172-byte record of the volume table; the record's index is the volume id.</summary>
internal sealed record UbiVolumeRecord(int VolumeId, uint ReservedBlocks, uint DataPad, byte VolumeType, string Name)
{
    public const int Bytes = 172;
    public const int MaxVolumes = 128;

    /// <summary>The record, or null for an empty slot or one whose CRC does not check.</summary>
    public static UbiVolumeRecord? TryParse(ReadOnlySpan<byte> data, int volumeId, out bool corrupt)
    {
        corrupt = Crc32.Update(0xFFFF_FFFF, data[..168]) != BinaryPrimitives.ReadUInt32BigEndian(data[168..]);
        var reserved = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (corrupt || reserved == 0)
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16BigEndian(data[14..]);
        if (nameLength > 127)
        {
            corrupt = true;
            return null;
        }

        var name = Encoding.UTF8.GetString(data.Slice(16, nameLength));
        return new UbiVolumeRecord(volumeId, reserved, BinaryPrimitives.ReadUInt32BigEndian(data[8..]), data[12], name);
    }
}
