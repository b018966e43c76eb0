using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>
/// Builds ESP images the way esptool and espsecure lay them out: header with extended header, segments, zero padding
/// to the checksum byte, the appended SHA-256, and the signature areas of Secure Boot v1 and v2.
/// </summary>
internal static class EspImageBuilder
{
    /// <summary>Where the payload byte sits that tamper tests change: inside the second segment's data.</summary>
    public const int PayloadOffset = 24 + 8 + 256 + 64 + 8 + 100;

    /// <summary>An ESP32-S2 application: first segment esp_app_desc_t and 64 bytes of rodata, second segment code.</summary>
    public static byte[] App(uint secureVersion = 3, string version = "1.4.2", bool hashAppended = true)
    {
        var description = new byte[256];
        BinaryPrimitives.WriteUInt32LittleEndian(description, 0xABCD5432);
        BinaryPrimitives.WriteUInt32LittleEndian(description.AsSpan(4), secureVersion);
        Text(version).CopyTo(description, 16);
        Text("fixture-app").CopyTo(description, 48);
        Text("12:00:00").CopyTo(description, 80);
        Text("Jan  1 2025").CopyTo(description, 96);
        Text("v5.3.1").CopyTo(description, 112);
        byte[] rodata = [.. description, .. Pattern(64, 3)];
        return Image(chipId: 2, hashAppended, (0x3F00_0020, rodata), (0x4008_0000, Pattern(512, 11)));
    }

    /// <summary>An ESP32 bootloader: no description record, as before ESP-IDF 5.1.</summary>
    public static byte[] Bootloader() => Image(chipId: 0, hashAppended: true, (0x3FFF_0030, Pattern(128, 5)), (0x4007_8000, Pattern(256, 7)));

    public static byte[] Image(ushort chipId, bool hashAppended, params (uint Load, byte[] Data)[] segments)
    {
        using var image = new MemoryStream();
        var header = new byte[24];
        header[0] = 0xE9;
        header[1] = (byte)segments.Length;
        header[2] = 2;
        header[3] = 0x1F;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0x4008_0000);
        header[8] = 0xEE;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), chipId);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(17), 0xFFFF);
        header[23] = hashAppended ? (byte)1 : (byte)0;
        image.Write(header);
        byte checksum = 0xEF;
        foreach (var (load, data) in segments)
        {
            var segmentHeader = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader, load);
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader.AsSpan(4), (uint)data.Length);
            image.Write(segmentHeader);
            image.Write(data);
            foreach (var b in data)
            {
                checksum ^= b;
            }
        }

        while (image.Length % 16 != 15)
        {
            image.WriteByte(0);
        }

        image.WriteByte(checksum);
        if (hashAppended)
        {
            image.Write(SHA256.HashData(image.ToArray()));
        }

        return image.ToArray();
    }

    /// <summary>An ESP8266 image: the 8-byte header, then segments straight away; checksum only.</summary>
    public static byte[] Esp8266()
    {
        using var image = new MemoryStream();
        byte[] header = [0xE9, 1, 0, 0x20, 0x08, 0x80, 0x10, 0x40];
        image.Write(header);
        var data = Pattern(32, 9);
        var segmentHeader = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader, 0x4010_8000);
        BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader.AsSpan(4), (uint)data.Length);
        image.Write(segmentHeader);
        image.Write(data);
        byte checksum = 0xEF;
        foreach (var b in data)
        {
            checksum ^= b;
        }

        while (image.Length % 16 != 15)
        {
            image.WriteByte(0);
        }

        image.WriteByte(checksum);
        return image.ToArray();
    }

    public static byte[] Pattern(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * seed) + seed))];

    private static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);
}
