using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Cramfs;

/// <summary>The 76-byte cramfs superblock: magic, size, flags, signature, fsid (crc, edition, blocks, files), name, root inode.</summary>
internal sealed record CramfsSuperblock(bool BigEndian, uint Size, uint Flags, uint Crc, uint Files, string Name, CramfsInode Root)
{
    public const int Bytes = 76;
    public const uint Magic = 0x28CD_3D45;
    public const uint FlagFsidVersion2 = 0x1;
    public const uint FlagSortedDirs = 0x2;
    public const uint FlagHoles = 0x100;
    public const uint FlagWrongSignature = 0x200;
    public const uint FlagShiftedRootOffset = 0x400;
    public const uint FlagExtBlockPointers = 0x800;

    /// <summary>The features this reader (like the kernel) understands; bits 0-7 are informational.</summary>
    public const uint SupportedFlags = 0xFF | FlagHoles | FlagWrongSignature | FlagShiftedRootOffset | FlagExtBlockPointers;

    public static ReadOnlySpan<byte> Signature => "Compressed ROMFS"u8;

    public bool HasVersion2 => (Flags & FlagFsidVersion2) != 0;

    public bool HasExtendedPointers => (Flags & FlagExtBlockPointers) != 0;

    public uint UnsupportedFlags => Flags & ~SupportedFlags;

    /// <summary>Parses and sanity-checks the superblock; null (with the reason) when these bytes are not one.</summary>
    public static CramfsSuperblock? TryParse(ReadOnlySpan<byte> data, out string reason)
    {
        if (data.Length < Bytes)
        {
            reason = "shorter than a superblock";
            return null;
        }

        bool bigEndian;
        if (Endian.U32(data, 0, bigEndian: false) == Magic)
        {
            bigEndian = false;
        }
        else if (Endian.U32(data, 0, bigEndian: true) == Magic)
        {
            bigEndian = true;
        }
        else
        {
            reason = "no magic number";
            return null;
        }

        if (!data.Slice(16, 16).SequenceEqual(Signature))
        {
            reason = "no \"Compressed ROMFS\" signature";
            return null;
        }

        var flags = Endian.U32(data, 8, bigEndian);
        var root = CramfsInode.Parse(data.Slice(64, CramfsInode.Bytes), bigEndian);
        if ((root.Mode & UnixModes.TypeMask) != UnixModes.Directory)
        {
            reason = "the root inode is not a directory";
            return null;
        }

        // mkcramfs places the root directory right after the superblock (or after a 512-byte boot pad); only the
        // shifted-root feature moves it elsewhere. Anything else is not a cramfs superblock.
        if (root.Offset != 0 && (flags & FlagShiftedRootOffset) == 0 && root.Offset != Bytes && root.Offset != 512 + Bytes)
        {
            reason = Invariant.Text($"the root directory offset 0x{root.Offset:x} is not where mkcramfs puts it");
            return null;
        }

        var size = Endian.U32(data, 4, bigEndian);
        if ((flags & FlagFsidVersion2) != 0 && size < Bytes)
        {
            reason = Invariant.Text($"the declared size {size} is smaller than the superblock");
            return null;
        }

        var name = Encoding.UTF8.GetString(TrimNul(data.Slice(48, 16)));
        reason = string.Empty;
        return new CramfsSuperblock(bigEndian, size, flags, Endian.U32(data, 32, bigEndian), Endian.U32(data, 44, bigEndian), name, root);
    }

    private static ReadOnlySpan<byte> TrimNul(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }
}
