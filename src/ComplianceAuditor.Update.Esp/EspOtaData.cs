using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// The otadata partition (8 KiB): two <c>esp_ota_select_entry_t</c> copies, one per 4 KiB flash sector, written
/// alternately so a power failure during an update leaves the other intact. The bootloader boots the OTA slot of the
/// usable entry with the higher sequence number: slot (ota_seq − 1) modulo the number of OTA slots; with no usable
/// entry it boots the factory app (or ota_0 without one).
/// </summary>
public sealed record EspOtaData
{
    /// <summary>The second entry starts in the second flash sector.</summary>
    public const int SecondEntryOffset = 0x1000;

    public const int EntrySize = 32;

    public required EspOtaSelectEntry First { get; init; }

    public required EspOtaSelectEntry Second { get; init; }

    /// <summary>The entry the bootloader follows, or null when neither is usable (erased otadata: factory boots).</summary>
    public EspOtaSelectEntry? Active =>
        (First.IsUsable, Second.IsUsable) switch
        {
            (true, true) => First.Sequence >= Second.Sequence ? First : Second,
            (true, false) => First,
            (false, true) => Second,
            _ => null,
        };

    /// <summary>The entries of an otadata partition's bytes, or null when they are too short to hold both.</summary>
    public static EspOtaData? TryRead(ReadOnlySpan<byte> partition)
    {
        if (partition.Length < SecondEntryOffset + EntrySize)
        {
            return null;
        }

        return new EspOtaData { First = Entry(partition[..EntrySize]), Second = Entry(partition.Slice(SecondEntryOffset, EntrySize)) };
    }

    /// <summary>The index of the OTA slot (0 for ota_0) the active entry selects, or null when none is active.</summary>
    public int? ActiveSlot(int otaSlotCount) =>
        Active is { } active && otaSlotCount > 0 ? (int)((active.Sequence - 1) % (uint)otaSlotCount) : null;

    /// <summary>
    /// Layout: u32 ota_seq, 20-byte seq_label, u32 ota_state, u32 crc. The CRC is zlib's CRC32 of the four ota_seq
    /// bytes seeded with 0xFFFFFFFF (the ROM's crc32_le(UINT32_MAX, …)), which is the standard CRC appended to ~0.
    /// </summary>
    private static EspOtaSelectEntry Entry(ReadOnlySpan<byte> entry)
    {
        var sequence = entry[..4];
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(entry[28..]);
        return new EspOtaSelectEntry(
            BinaryPrimitives.ReadUInt32LittleEndian(sequence),
            (EspOtaState)BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]),
            Crc32.Append(uint.MaxValue, sequence) == crc);
    }
}
