using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Mcuboot;

namespace ComplianceAuditor.Tests.Update;

/// <summary>
/// Builds MCUboot images the way imgtool lays them out (header, body, optional protected TLVs with a security counter,
/// then SHA-256, KEYHASH and an ECDSA P-256 signature over the digest), signed with a key the test makes, so that
/// signed, unsigned, tampered and wrong-key cases need no files.
/// </summary>
internal static class McubootImageBuilder
{
    public static byte[] Build(byte[] body, ECDsa? signer, uint? securityCounter = null, string version = "1.2.3")
    {
        var header = new byte[512];
        BinaryPrimitives.WriteUInt32LittleEndian(header, McubootHeader.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x08), 512);
        var parts = version.Split('.');
        header[0x14] = byte.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        header[0x15] = byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x16), ushort.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x0C), (uint)body.Length);
        var protectedArea = securityCounter is { } counter ? Area(0x6908, [Tlv(McubootTlv.SecurityCounter, BitConverter.GetBytes(counter))]) : [];
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x0A), (ushort)protectedArea.Length);
        byte[] signed = [.. header, .. body, .. protectedArea];
        var digest = SHA256.HashData(signed);
        var tlvs = new List<byte[]> { Tlv(McubootTlv.Sha256, digest) };
        if (signer is not null)
        {
            tlvs.Add(Tlv(McubootTlv.KeyHash, SHA256.HashData(signer.ExportSubjectPublicKeyInfo())));
            tlvs.Add(Tlv(McubootTlv.EcdsaSignature, signer.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence)));
        }

        return [.. signed, .. Area(0x6907, tlvs)];
    }

    private static byte[] Tlv(ushort type, byte[] value)
    {
        var tlv = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(tlv, type);
        BinaryPrimitives.WriteUInt16LittleEndian(tlv.AsSpan(2), (ushort)value.Length);
        value.CopyTo(tlv, 4);
        return tlv;
    }

    private static byte[] Area(ushort magic, IEnumerable<byte[]> tlvs)
    {
        byte[] content = [.. tlvs.SelectMany(t => t)];
        var area = new byte[4 + content.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(area, magic);
        BinaryPrimitives.WriteUInt16LittleEndian(area.AsSpan(2), (ushort)area.Length);
        content.CopyTo(area, 4);
        return area;
    }
}
