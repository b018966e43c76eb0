using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>Builds RAUC bundles: payload ‖ CMS ‖ u64 big-endian CMS size, in the plain and verity formats.</summary>
internal static class RaucBuilder
{
    /// <summary>A stand-in squashfs: the magic, then deterministic bytes, padded to 4 KiB blocks.</summary>
    public static byte[] Payload(int blocks = 3)
    {
        var payload = new byte[blocks * 4096];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i * 31 % 251);
        }

        "hsqs"u8.CopyTo(payload);
        return payload;
    }

    public static byte[] Assemble(byte[] payload, byte[] cms)
    {
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)cms.Length);
        return [.. payload, .. cms, .. size];
    }

    public static byte[] Plain(CmsFixture pki, byte[] payload) => Assemble(payload, pki.Sign(payload, encapsulate: false));

    /// <summary>A verity bundle: data blocks, their hash tree, and the CMS holding a manifest with the root hash.</summary>
    public static byte[] Verity(CmsFixture pki, byte[] data, string version = "2024.05-1")
    {
        var salt = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();
        var (root, tree) = HashTree(data, salt);
        var manifest = Encoding.UTF8.GetBytes(
            "[update]\ncompatible=Test Board\nversion=" + version + "\n\n[bundle]\nformat=verity\n" +
            $"verity-hash={Convert.ToHexStringLower(root)}\nverity-salt={Convert.ToHexStringLower(salt)}\nverity-size={tree.Length}\n\n" +
            "[image.rootfs]\nfilename=rootfs.img\nsha256=" + new string('a', 64) + "\nsize=4096\n");
        return Assemble([.. data, .. tree], pki.Sign(manifest, encapsulate: true));
    }

    /// <summary>An independent dm-verity tree: levels stored root-first, 128 SHA-256 hashes per 4 KiB block.</summary>
    private static (byte[] Root, byte[] Tree) HashTree(byte[] data, byte[] salt)
    {
        var levels = new List<byte[]>();
        var current = data;
        while (true)
        {
            var hashes = new List<byte>();
            for (var at = 0; at < current.Length; at += 4096)
            {
                hashes.AddRange(SHA256.HashData([.. salt, .. current.AsSpan(at, 4096)]));
            }

            var level = new byte[(hashes.Count + 4095) / 4096 * 4096];
            hashes.CopyTo(level);
            levels.Insert(0, level);
            if (level.Length == 4096)
            {
                return (SHA256.HashData([.. salt, .. level]), [.. levels.SelectMany(l => l)]);
            }

            current = level;
        }
    }
}
