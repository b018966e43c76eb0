using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Builds partition tables (as gen_esp32part.py writes them) and otadata partitions.</summary>
internal static class EspPartitionTableBuilder
{
    /// <summary>nvs, otadata, phy_init, ota_0, ota_1: the ESP-IDF "two OTA definitions" layout.</summary>
    public static readonly (byte Type, byte Subtype, uint Offset, uint Size, string Label)[] OtaLayout =
    [
        (1, 0x02, 0x9000, 0x4000, "nvs"),
        (1, 0x00, 0xD000, 0x2000, "otadata"),
        (1, 0x01, 0xF000, 0x1000, "phy_init"),
        (0, 0x10, 0x10000, 0x100000, "ota_0"),
        (0, 0x11, 0x110000, 0x100000, "ota_1"),
    ];

    public static byte[] Table(bool md5, params (byte Type, byte Subtype, uint Offset, uint Size, string Label)[] entries)
    {
        using var table = new MemoryStream();
        foreach (var (type, subtype, offset, size, label) in entries)
        {
            var entry = new byte[32];
            entry[0] = 0xAA;
            entry[1] = 0x50;
            entry[2] = type;
            entry[3] = subtype;
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), size);
            Encoding.ASCII.GetBytes(label).CopyTo(entry, 12);
            table.Write(entry);
        }

        if (md5)
        {
            var entry = Enumerable.Repeat((byte)0xFF, 32).ToArray();
            entry[0] = 0xEB;
            entry[1] = 0xEB;
#pragma warning disable CA5351 // The format's own checksum; the test builds what the reader verifies.
            MD5.HashData(table.ToArray()).CopyTo(entry, 16);
#pragma warning restore CA5351
            table.Write(entry);
        }

        while (table.Length < 0xC00)
        {
            table.WriteByte(0xFF);
        }

        return table.ToArray();
    }

    /// <summary>An 8 KiB otadata partition with the two entries (null: erased) and valid CRCs.</summary>
    public static byte[] OtaData((uint Sequence, uint State)? first, (uint Sequence, uint State)? second)
    {
        var partition = Enumerable.Repeat((byte)0xFF, 0x2000).ToArray();
        Write(partition.AsSpan(0, 32), first);
        Write(partition.AsSpan(0x1000, 32), second);
        return partition;
    }

    private static void Write(Span<byte> entry, (uint Sequence, uint State)? value)
    {
        if (value is not var (sequence, state))
        {
            return;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(entry, sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[24..], state);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[28..], Crc32.Append(uint.MaxValue, entry[..4]));
    }
}
