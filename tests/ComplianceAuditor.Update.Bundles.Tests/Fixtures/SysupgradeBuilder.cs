using System.Buffers.Binary;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>
/// Builds OpenWrt sysupgrade images as fwtool does: the image, a metadata block (8-byte header, JSON, trailer), and
/// optionally a signature block (usign text, trailer). Each trailer's CRC is the raw CRC-32 register over the file so far.
/// </summary>
internal static class SysupgradeBuilder
{
    public static readonly byte[] Image = [.. Enumerable.Range(0, 9000).Select(i => (byte)(i * 11))];

    public const string Metadata =
        """{"metadata_version":"1.0","supported_devices":["tplink,archer-c7-v2","archer-c7-v2"],"version":{"dist":"OpenWrt","version":"18.06.2","revision":"r7676-cddd7b4c77","target":"ar71xx/generic","board":"archer-c7-v2"}}""";

    public static byte[] WithMetadata(byte[]? image = null) =>
        Append(image ?? Image, [.. new byte[8], .. Encoding.UTF8.GetBytes(Metadata)], type: 1);

    /// <summary>Signs everything so far with usign (Ed25519) and appends the signature block.</summary>
    public static byte[] Signed(byte[] withMetadata, Ed25519PrivateKeyParameters key, byte[] keyNumber)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        signer.BlockUpdate(withMetadata, 0, withMetadata.Length);
        var blob = new byte[] { (byte)'E', (byte)'d' }.Concat(keyNumber).Concat(signer.GenerateSignature()).ToArray();
        var text = "untrusted comment: signed by the test\n" + Convert.ToBase64String(blob) + "\n";
        return Append(withMetadata, Encoding.ASCII.GetBytes(text), type: 0);
    }

    /// <summary>The usign public key file for <paramref name="key"/>.</summary>
    public static byte[] PublicKeyFile(Ed25519PrivateKeyParameters key, byte[] keyNumber)
    {
        var blob = new byte[] { (byte)'E', (byte)'d' }.Concat(keyNumber).Concat(key.GeneratePublicKey().GetEncoded()).ToArray();
        return Encoding.ASCII.GetBytes("untrusted comment: public key\n" + Convert.ToBase64String(blob) + "\n");
    }

    public static byte[] Append(byte[] file, byte[] data, byte type)
    {
        byte[] withData = [.. file, .. data];
        var trailer = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, 0x46577830);
        BinaryPrimitives.WriteUInt32BigEndian(trailer.AsSpan(4), RawCrc(withData));
        trailer[8] = type;
        BinaryPrimitives.WriteUInt32BigEndian(trailer.AsSpan(12), (uint)(data.Length + 16));
        return [.. withData, .. trailer];
    }

    /// <summary>The reflected CRC-32 register seeded with ~0 and not inverted, as fwtool keeps it.</summary>
    private static uint RawCrc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc;
    }
}
