using System.Buffers.Binary;
using System.IO.Compression;
using ComplianceAuditor.Formats.FileSystems.Cramfs;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>
/// mkfs.cramfs here does not write extended block pointers (the kernel's own mkcramfs does, for XIP images), so this
/// builds a small little-endian image with them by hand, following the layout in the kernel's cramfs_fs.h.
/// </summary>
public sealed class CramfsExtendedPointerTests
{
    private const uint Uncompressed = 1u << 31;
    private const uint Direct = 1u << 30;

    [Fact]
    public void Reads_direct_uncompressed_direct_compressed_and_following_blocks()
    {
        var a = new byte[(2 * 4096) + 1000];
        new Random(7).NextBytes(a.AsSpan(0, 4096));
        a.AsSpan(4096).Fill((byte)'x');
        var b = "a short file stored without compression"u8.ToArray();
        var image = Build(a, b);

        var warnings = new List<string>();
        var entries = Fixtures.Extract(new CramfsReader(), image, warnings);

        Assert.Equal(["a", "b"], entries.Select(e => e.Path));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a)), entries[0].Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b)), entries[1].Sha256);
        Assert.Empty(warnings);
    }

    private static byte[] Build(byte[] a, byte[] b)
    {
        var image = new byte[16384];
        var span = image.AsSpan();

        // Root directory at 76 with two 16-byte entries ("a", "b"); file a's pointer table right after.
        var tableA = 76 + 32;
        var page0 = tableA + 12;                 // direct, uncompressed: the page itself
        var page1 = page0 + 4096;                // direct, compressed: a 16-bit length, then zlib
        var packed1 = Zlib(a.AsSpan(4096, 4096));
        var page2 = page1 + 2 + packed1.Length;  // ordinary pointer: starts where the direct block ends
        var packed2 = Zlib(a.AsSpan(8192));
        var tableB = Align4(page2 + packed2.Length);
        var end = tableB + 4 + b.Length;

        Inode(span[64..], 0x41ED, 32, 76, 0);
        Inode(span[76..], 0x81A4, (uint)a.Length, tableA, 4);
        span[88] = (byte)'a';
        Inode(span[92..], 0x81A4, (uint)b.Length, tableB, 4);
        span[104] = (byte)'b';

        BinaryPrimitives.WriteUInt32LittleEndian(span[tableA..], Direct | Uncompressed | (uint)(page0 >> 2));
        a.AsSpan(0, 4096).CopyTo(span[page0..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(tableA + 4)..], Direct | (uint)(page1 >> 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[page1..], (ushort)packed1.Length);
        packed1.CopyTo(span[(page1 + 2)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(tableA + 8)..], (uint)(page2 + packed2.Length));
        packed2.CopyTo(span[page2..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[tableB..], Uncompressed | (uint)end);
        b.CopyTo(span[(tableB + 4)..]);

        BinaryPrimitives.WriteUInt32LittleEndian(span, CramfsSuperblock.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)image.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], CramfsSuperblock.FlagFsidVersion2 | CramfsSuperblock.FlagExtBlockPointers);
        CramfsSuperblock.Signature.CopyTo(span[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[44..], 3);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], Crc32.Compute(image));
        return image;
    }

    private static void Inode(Span<byte> at, uint mode, uint size, int offset, int nameLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(at, mode);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)(nameLength / 4) | ((uint)(offset / 4) << 6));
    }

    private static byte[] Zlib(ReadOnlySpan<byte> data)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return memory.ToArray();
    }

    private static int Align4(int value) => (value + 3) & ~3;
}
