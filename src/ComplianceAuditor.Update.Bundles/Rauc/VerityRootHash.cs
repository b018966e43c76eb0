using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Bundles.Rauc;

/// <summary>
/// The dm-verity root hash (format 1, SHA-256, 4096-byte blocks, salt before each block) of a verity or crypt
/// bundle's payload, computed from the data blocks as the kernel would; the manifest's <c>verity-hash</c> must equal
/// it. Levels of 128 hashes per block are built until one block holds them all; the root is that block's hash.
/// </summary>
internal static class VerityRootHash
{
    public const int BlockSize = 4096;
    private const int HashesPerBlock = BlockSize / 32;

    /// <summary>The root hash and the size of the hash tree, or null when the data is not a whole number of blocks.</summary>
    public static (byte[] Root, long TreeSize)? Compute(ReadOnlySpan<byte> data, byte[] salt)
    {
        if (data.Length == 0 || data.Length % BlockSize != 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var level = new byte[data.Length / BlockSize * 32];
        for (var i = 0; i < data.Length / BlockSize; i++)
        {
            Hash(hash, salt, data.Slice(i * BlockSize, BlockSize), level.AsSpan(i * 32, 32));
        }

        long treeSize = 0;
        while (true)
        {
            var blocks = (level.Length / 32 + HashesPerBlock - 1) / HashesPerBlock;
            treeSize += (long)blocks * BlockSize;
            var packed = new byte[blocks * BlockSize];
            level.CopyTo(packed, 0);
            var next = new byte[blocks * 32];
            for (var i = 0; i < blocks; i++)
            {
                Hash(hash, salt, packed.AsSpan(i * BlockSize, BlockSize), next.AsSpan(i * 32, 32));
            }

            if (blocks == 1)
            {
                return (next, treeSize);
            }

            level = next;
        }
    }

    private static void Hash(IncrementalHash hash, byte[] salt, ReadOnlySpan<byte> block, Span<byte> destination)
    {
        hash.AppendData(salt);
        hash.AppendData(block);
        hash.GetHashAndReset(destination);
    }
}
