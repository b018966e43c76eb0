using System.Buffers.Binary;

namespace ComplianceAuditor.Checks.Update.Reading;

/// <summary>
/// Decides from a file's first and last bytes (and its name) whether any update format could match it, so that the
/// thousands of ordinary files of a root file system are never read whole. The magics are the formats' own; a
/// match only means the full reader is tried, which then checks plausibility itself.
/// </summary>
internal static class UpdateFormatProbe
{
    public const int HeadBytes = 512;
    public const int TailBytes = 16;

    public static bool MightBeUpdate(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, string fileName, long size)
    {
        if (fileName is "sw-description" or "manifest.raucm")
        {
            return true;
        }

        if (head.Length < 4)
        {
            return false;
        }

        var le = BinaryPrimitives.ReadUInt32LittleEndian(head);
        var be = BinaryPrimitives.ReadUInt32BigEndian(head);
        return le == 0x96f3b83d                                   // MCUboot image header
            || (head[0] == 0xE9 && head[1] is >= 1 and <= 16)     // ESP-IDF image: magic and a segment count
            || (head[0] == 0xAA && head[1] == 0x50)               // ESP-IDF partition table entry
            || (head[0] == 0xD8 && head[1] == 0x6B)               // SUIT envelope, CBOR tag 107
            || be == 0xd00dfeed                                   // flattened device tree: FIT or control DTB
            || be == 0x27051956                                   // legacy uImage
            || head[..4].SequenceEqual("AVB0"u8)                  // Android vbmeta
            || head[..4].SequenceEqual("0707"u8)                  // cpio newc: SWUpdate .swu
            || (le == 0x73717368 && IsRaucTrailer(head, tail, size)) // squashfs followed by a CMS signature: a RAUC bundle
            || le == 0x1BEEF11E                                   // Matter OTA image
            || (head.Length >= 263 && head[257..262].SequenceEqual("ustar"u8)) // tar: Mender artifact
            || (tail.Length == TailBytes && tail[..4].SequenceEqual("FWx0"u8)) // OpenWrt fwtool trailer
            || (head[..4].SequenceEqual("PK\x03\x04"u8) && fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)); // Mongoose OS fw.zip
    }

    /// <summary>
    /// Whether a squashfs is followed by a RAUC signature: the last eight bytes give the CMS size (big endian), and
    /// the file system (its bytes_used at offset 40) must end before the CMS starts. A plain squashfs image ends in
    /// zero padding and fails this, so root file systems are never read whole as bundles.
    /// </summary>
    private static bool IsRaucTrailer(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long size)
    {
        if (head.Length < 48 || tail.Length != TailBytes)
        {
            return false;
        }

        var cms = BinaryPrimitives.ReadUInt64BigEndian(tail[8..]);
        var bytesUsed = BinaryPrimitives.ReadUInt64LittleEndian(head[40..]);
        return cms is > 0 and < (64UL << 20) && (ulong)size > cms + 8 && bytesUsed <= (ulong)size - cms - 8;
    }
}
