using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>
/// Builds vbmeta images as avbtool lays them out: header, authentication block (hash, then signature), auxiliary
/// block (descriptors, then the public key blob), each block padded to 64 bytes. Signed with algorithm 1
/// (SHA256_RSA2048) or 4 (SHA512_RSA2048), or left unsigned (algorithm 0).
/// </summary>
internal static class VbmetaBuilder
{
    public static byte[] Build(RSA? key, uint algorithm = 1, ulong rollbackIndex = 3, uint flags = 0)
    {
        var descriptors = HashDescriptor("boot");
        var publicKey = key is null ? [] : KeyBlob(key.ExportParameters(false));
        var aux = Pad([.. descriptors, .. publicKey]);
        var hashSize = algorithm switch { 0 => 0, >= 4 => 64, _ => 32 };
        var signatureSize = key is null ? 0 : key.KeySize / 8;
        var auth = new byte[Align(hashSize + signatureSize)];
        var header = new byte[256];
        var h = header.AsSpan();
        "AVB0"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32BigEndian(h[4..], 1);
        BinaryPrimitives.WriteUInt64BigEndian(h[12..], (ulong)auth.Length);
        BinaryPrimitives.WriteUInt64BigEndian(h[20..], (ulong)aux.Length);
        BinaryPrimitives.WriteUInt32BigEndian(h[28..], algorithm);
        BinaryPrimitives.WriteUInt64BigEndian(h[40..], (ulong)hashSize);
        BinaryPrimitives.WriteUInt64BigEndian(h[48..], (ulong)hashSize);
        BinaryPrimitives.WriteUInt64BigEndian(h[56..], (ulong)signatureSize);
        BinaryPrimitives.WriteUInt64BigEndian(h[64..], (ulong)descriptors.Length);
        BinaryPrimitives.WriteUInt64BigEndian(h[72..], (ulong)publicKey.Length);
        BinaryPrimitives.WriteUInt64BigEndian(h[104..], (ulong)descriptors.Length);
        BinaryPrimitives.WriteUInt64BigEndian(h[112..], rollbackIndex);
        BinaryPrimitives.WriteUInt32BigEndian(h[120..], flags);
        Encoding.ASCII.GetBytes("avbtool 1.3.0 (test)").CopyTo(h[128..]);
        if (key is not null)
        {
            var hash = algorithm >= 4 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
            var signed = header.Concat(aux).ToArray();
            var digest = algorithm >= 4 ? SHA512.HashData(signed) : SHA256.HashData(signed);
            digest.CopyTo(auth, 0);
            key.SignData(signed, hash, RSASignaturePadding.Pkcs1).CopyTo(auth, hashSize);
        }

        return [.. header, .. auth, .. aux];
    }

    /// <summary>libavb's key blob: bits, n0inv = -1/n mod 2^32, n, and rr = 2^(2*bits) mod n, all big-endian.</summary>
    public static byte[] KeyBlob(RSAParameters key)
    {
        var modulus = key.Modulus!;
        var n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        var blob = new byte[8 + (2 * modulus.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(blob, (uint)(modulus.Length * 8));
        var two32 = BigInteger.One << 32;

        // n is odd, so its inverse mod 2^32 is n^(2^31 - 1) (the group of odd residues has order 2^31).
        var inverse = BigInteger.ModPow(n % two32, (BigInteger.One << 31) - 1, two32);
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(4), (uint)((two32 - inverse) % two32));
        modulus.CopyTo(blob, 8);
        var rr = BigInteger.ModPow(2, 2 * modulus.Length * 8, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        rr.CopyTo(blob, blob.Length - rr.Length);
        return blob;
    }

    /// <summary>A hash descriptor (tag 2) for <paramref name="partition"/> with a 32-byte salt and digest.</summary>
    private static byte[] HashDescriptor(string partition)
    {
        var body = new byte[116 + partition.Length + 64];
        BinaryPrimitives.WriteUInt64BigEndian(body, 4096);
        Encoding.ASCII.GetBytes("sha256").CopyTo(body, 8);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(40), (uint)partition.Length);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(44), 32);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(48), 32);
        Encoding.ASCII.GetBytes(partition).CopyTo(body, 116);
        var padded = new byte[(body.Length + 7) & ~7];
        body.CopyTo(padded, 0);
        var descriptor = new byte[16 + padded.Length];
        BinaryPrimitives.WriteUInt64BigEndian(descriptor, 2);
        BinaryPrimitives.WriteUInt64BigEndian(descriptor.AsSpan(8), (ulong)padded.Length);
        padded.CopyTo(descriptor, 16);
        return descriptor;
    }

    private static int Align(int size) => (size + 63) & ~63;

    private static byte[] Pad(byte[] block)
    {
        var padded = new byte[Align(block.Length)];
        block.CopyTo(padded, 0);
        return padded;
    }
}
