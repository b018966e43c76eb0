using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>Builds Matter OTA files: fixed prefix, TLV header (context tags 0..9), payload.</summary>
internal static class MatterOtaBuilder
{
    public static readonly byte[] Payload = [.. Enumerable.Range(0, 700).Select(i => (byte)(i ^ 0x5A))];

    public static byte[] Build(uint softwareVersion = 0x0102_0003, byte[]? digest = null, byte[]? payload = null, byte digestType = 1)
    {
        payload ??= Payload;
        var tlv = new List<byte> { 0x15 };
        UInt16(tlv, 0, 0xFFF1);
        UInt16(tlv, 1, 0x8005);
        tlv.AddRange([0x26, 2]);
        tlv.AddRange(BitConverter.GetBytes(softwareVersion));
        var text = Encoding.UTF8.GetBytes("1.2.3");
        tlv.AddRange([0x2C, 3, (byte)text.Length]);
        tlv.AddRange(text);
        tlv.AddRange([0x26, 4]);
        tlv.AddRange(BitConverter.GetBytes((uint)Payload.Length));
        tlv.AddRange([0x24, 8, digestType]);
        var hash = digest ?? SHA256.HashData(payload);
        tlv.AddRange([0x30, 9, (byte)hash.Length]);
        tlv.AddRange(hash);
        tlv.Add(0x18);
        var prefix = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, 0x1BEEF11E);
        BinaryPrimitives.WriteUInt64LittleEndian(prefix.AsSpan(4), (ulong)(16 + tlv.Count + payload.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(12), (uint)tlv.Count);
        return [.. prefix, .. tlv, .. payload];
    }

    private static void UInt16(List<byte> tlv, byte tag, ushort value)
    {
        tlv.AddRange([0x25, tag]);
        tlv.AddRange(BitConverter.GetBytes(value));
    }
}
