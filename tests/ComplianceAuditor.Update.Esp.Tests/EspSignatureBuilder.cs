using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Signs built images as espsecure does: Secure Boot v2 sectors (RSA-3072-PSS and ECDSA) and the v1 block.</summary>
internal static class EspSignatureBuilder
{
    public const int SectorSize = 4096;
    public const int BlockSize = 1216;

    /// <summary>Pads the image with 0xFF to 4 KiB and appends a sector with one block per key (RSA or ECDsa).</summary>
    public static byte[] SignV2(byte[] image, params AsymmetricAlgorithm[] keys)
    {
        var padded = Padded(image);
        var sector = Enumerable.Repeat((byte)0xFF, SectorSize).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            var block = keys[i] switch
            {
                RSA rsa => RsaBlock(padded, rsa),
                ECDsa ecdsa => EcdsaBlock(padded, ecdsa),
                _ => throw new ArgumentException("RSA or ECDsa keys only", nameof(keys)),
            };
            block.CopyTo(sector, i * BlockSize);
        }

        return [.. padded, .. sector];
    }

    /// <summary>The ESP key digest of an RSA key: SHA-256 of n and e little-endian (the Montgomery values are zero here).</summary>
    public static string RsaKeyDigest(RSA rsa) => Convert.ToHexStringLower(SHA256.HashData(RsaKeyField(rsa)));

    /// <summary>Appends the Secure Boot v1 block: u32 0, then r‖s big-endian over SHA-256 of the image.</summary>
    public static byte[] SignV1(byte[] image, ECDsa key)
    {
        var signature = key.SignHash(SHA256.HashData(image));
        return [.. image, 0, 0, 0, 0, .. signature];
    }

    /// <summary>Rewrites a block's CRC after a test changed it on purpose, so only the intended defect remains.</summary>
    public static void FixCrc(byte[] signed, int blockOffset) =>
        BinaryPrimitives.WriteUInt32LittleEndian(signed.AsSpan(blockOffset + 1196), Crc32.Compute(signed.AsSpan(blockOffset, 1196)));

    public static byte[] Padded(byte[] image)
    {
        var length = (image.Length + SectorSize - 1) / SectorSize * SectorSize;
        var padded = Enumerable.Repeat((byte)0xFF, length).ToArray();
        image.CopyTo(padded, 0);
        return padded;
    }

    private static byte[] RsaBlock(byte[] signed, RSA rsa)
    {
        var block = NewBlock(2, 0);
        var digest = SHA256.HashData(signed);
        digest.CopyTo(block, 4);
        RsaKeyField(rsa).CopyTo(block, 36);
        LittleEndian(rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)).CopyTo(block, 812);
        return Finish(block);
    }

    private static byte[] RsaKeyField(RSA rsa)
    {
        var parameters = rsa.ExportParameters(false);
        var field = new byte[776];
        LittleEndian(parameters.Modulus!).CopyTo(field, 0);
        var exponent = new byte[4];
        LittleEndian(parameters.Exponent!).CopyTo(exponent, 0);
        exponent.CopyTo(field, 384);
        return field;
    }

    private static byte[] EcdsaBlock(byte[] signed, ECDsa ecdsa)
    {
        var parameters = ecdsa.ExportParameters(false);
        var size = parameters.Q.X!.Length;
        var (curveId, sha384) = size switch
        {
            24 => ((byte)1, false),
            32 => ((byte)2, false),
            48 => ((byte)3, true),
            _ => throw new ArgumentException("P-192, P-256 or P-384 only", nameof(ecdsa)),
        };
        var digest = sha384 ? SHA384.HashData(signed) : SHA256.HashData(signed);
        var field = 2 * digest.Length;
        var block = NewBlock(3, sha384 ? (byte)1 : (byte)0);
        digest.CopyTo(block, 4);
        var key = 4 + digest.Length;
        block[key] = curveId;
        LittleEndian(parameters.Q.X).CopyTo(block, key + 1);
        LittleEndian(parameters.Q.Y!).CopyTo(block, key + 1 + size);
        var signature = ecdsa.SignHash(digest);
        LittleEndian(signature[..size]).CopyTo(block, key + 1 + field);
        LittleEndian(signature[size..]).CopyTo(block, key + 1 + field + size);
        return Finish(block);
    }

    private static byte[] NewBlock(byte version, byte shaType)
    {
        var block = new byte[BlockSize];
        block[0] = 0xE7;
        block[1] = version;
        block[2] = shaType;
        return block;
    }

    private static byte[] Finish(byte[] block)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(1196), Crc32.Compute(block.AsSpan(0, 1196)));
        return block;
    }

    private static byte[] LittleEndian(byte[] bigEndian) => [.. bigEndian.Reverse()];
}
