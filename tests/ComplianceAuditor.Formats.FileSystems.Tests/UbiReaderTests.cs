using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.FileSystems.Ubi;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class UbiReaderTests
{
    private readonly UbiReader _reader = new();

    [Fact]
    public void Extracts_each_volume_as_the_image_ubinize_packed()
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes("ubi.img.gz"), warnings);

        // ubi.manifest.tsv holds the hashes of the inputs of ubinize: the raw blob of the static volume, and the
        // UBIFS image of the dynamic one (mkfs.ubifs writes whole logical blocks, so nothing is padded).
        var expected = File.ReadLines(Path.Combine(Fixtures.Folder, "ubi.manifest.tsv"))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], long.Parse(f[1], CultureInfo.InvariantCulture), f[2]))
            .ToList();
        Assert.Equal(expected, entries.Select(e => (e.Path, e.ContentLength!.Value, e.Sha256!)).ToList());
        Assert.All(entries, e => Assert.Equal(e.Size, e.ContentLength));
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_extracted_ubifs_volume_is_the_committed_mkfs_ubifs_output()
    {
        var volume = Fixtures.Extract(_reader, Fixtures.Bytes("ubi.img.gz")).Single(e => e.Path == "volumes/rootfs.ubifs");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Fixtures.Bytes("rootfs.ubifs.gz"))), volume.Sha256);
    }

    [Fact]
    public void Identify_checks_the_erase_counter_header_crc()
    {
        var image = Fixtures.Bytes("ubi.img.gz");
        var match = Fixtures.Identify(_reader, image);

        Assert.NotNull(match);
        Assert.Null(match.Length);
        Assert.Contains("image sequence 305419896", match.Description, StringComparison.Ordinal);

        image[10] ^= 1; // the erase counter, covered by the CRC
        Assert.Null(Fixtures.Identify(_reader, image));
    }

    [Fact]
    public void A_newer_copy_of_a_logical_block_wins()
    {
        // Copy the physical block holding kernel LEB 0 to a new block at the end with a higher sequence number and
        // change its first data byte: the reader must take the copy.
        var image = Fixtures.Bytes("ubi.img.gz");
        var before = Fixtures.Content(_reader, image, "volumes/kernel.bin");
        const int Peb = 16 * 1024;
        var original = FindBlock(image, Peb, volumeId: 0, lnum: 0);
        var copy = image.Length;
        Array.Resize(ref image, image.Length + Peb);
        Array.Copy(image, original, image, copy, Peb);
        image[copy + 512 + 47] += 100; // VID header sequence number, low byte
        WriteCrc(image, copy + 512);
        image[copy + 1024] ^= 0xFF;

        var after = Fixtures.Content(_reader, image, "volumes/kernel.bin");

        before[0] ^= 0xFF;
        Assert.Equal(before, after);
    }

    internal static int FindBlock(byte[] image, int peb, uint volumeId, uint lnum)
    {
        for (var offset = 0; offset < image.Length; offset += peb)
        {
            var vid = UbiVidHeader.TryParse(image.AsSpan(offset + 512, 64));
            if (vid is not null && vid.VolumeId == volumeId && vid.LogicalBlock == lnum)
            {
                return offset;
            }
        }

        throw new InvalidOperationException("block not found");
    }

    internal static void WriteCrc(byte[] image, int header)
    {
        var crc = Unpacking.Crc32.Update(0xFFFF_FFFF, image.AsSpan(header, 60));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(image.AsSpan(header + 60), crc);
    }
}
