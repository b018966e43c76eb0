using System.Buffers.Binary;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>The 32-byte MCUboot image header (<c>struct image_header</c>, little endian).</summary>
public sealed record McubootHeader(
    uint LoadAddress, ushort HeaderSize, ushort ProtectedTlvSize, uint ImageSize, uint Flags, string Version, uint BuildNumber)
{
    public const uint Magic = 0x96f3b83d;
    public const int Size = 32;
    public const uint FlagEncryptedAes128 = 0x4;
    public const uint FlagEncryptedAes256 = 0x8;

    public bool IsEncrypted => (Flags & (FlagEncryptedAes128 | FlagEncryptedAes256)) != 0;

    /// <summary>The header, or null when the bytes do not start with the MCUboot magic.</summary>
    public static McubootHeader? TryRead(ReadOnlySpan<byte> image)
    {
        if (image.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(image) != Magic)
        {
            return null;
        }

        var version = $"{image[0x14]}.{image[0x15]}.{BinaryPrimitives.ReadUInt16LittleEndian(image[0x16..])}";
        return new McubootHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(image[0x04..]),
            BinaryPrimitives.ReadUInt16LittleEndian(image[0x08..]),
            BinaryPrimitives.ReadUInt16LittleEndian(image[0x0A..]),
            BinaryPrimitives.ReadUInt32LittleEndian(image[0x0C..]),
            BinaryPrimitives.ReadUInt32LittleEndian(image[0x10..]),
            version,
            BinaryPrimitives.ReadUInt32LittleEndian(image[0x18..]));
    }
}
