using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>Squashfs images we recognise but do not open: Read names the tool that would.</summary>
public sealed class UnavailableTests
{
    private static readonly SquashFsReader Reader = new();

    [Fact]
    public void An_lzo_image_is_recognised_and_Read_names_unsquashfs()
    {
        var error = Assert.Throws<ReaderUnavailableException>(() => Reader.Read(Images.Source(Images.Fixture("lzo.sqfs")), Images.Context()));

        Assert.Contains("lzo", error.Message, StringComparison.Ordinal);
        Assert.Contains("unsquashfs (Debian package squashfs-tools)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_3_little_endian_header_is_recognised_and_sent_to_unsquashfs()
    {
        // The packed 3.x superblock: major/minor at 28, block_log at 34, the 32-bit block size at 51, then 64-bit
        // bytes_used, ..., inode and directory table offsets at 63, 87 and 95.
        var header = new byte[4096];
        "hsqs"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 17);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(51), 131072);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(63), 4000);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(87), 3000);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(95), 3500);

        var match = Reader.Identify(header, header.Length);
        var error = Assert.Throws<ReaderUnavailableException>(() => Reader.Read(UnpackSource.FromBytes("v3.sqfs", header), Images.Context()));

        Assert.Equal(new FormatMatch(4000, "squashfs 3.1 (little-endian), block 128 KiB"), match);
        Assert.Contains("unsquashfs (Debian package squashfs-tools) or sasquatch", error.Message, StringComparison.Ordinal);

        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(95), 2000); // directory table before the inode table
        Assert.Null(Reader.Identify(header, header.Length));
    }

    [Fact]
    public void A_big_endian_4_0_image_is_recognised_and_sent_to_sasquatch()
    {
        // Byte-swap every field of a real 4.0 superblock.
        var bytes = File.ReadAllBytes(Images.Fixture("gzip.sqfs"));
        var swapped = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(swapped, 0x73717368);
        foreach (var at in new[] { 4, 8, 12, 16 })
        {
            BinaryPrimitives.WriteUInt32BigEndian(swapped.AsSpan(at), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)));
        }

        foreach (var at in new[] { 20, 22, 24, 26, 28, 30 })
        {
            BinaryPrimitives.WriteUInt16BigEndian(swapped.AsSpan(at), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)));
        }

        for (var at = 32; at < 96; at += 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(swapped.AsSpan(at), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)));
        }

        var match = Reader.Identify(swapped, swapped.Length);
        var error = Assert.Throws<ReaderUnavailableException>(() => Reader.Read(UnpackSource.FromBytes("be.sqfs", swapped), Images.Context()));

        Assert.Equal("squashfs 4.0 (big-endian), block 128 KiB", match?.Description);
        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40)), match?.Length);
        Assert.Contains("sasquatch", error.Message, StringComparison.Ordinal);
    }
}
