using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.FileSystems.Jffs2;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class Jffs2ReaderTests
{
    private readonly Jffs2Reader _reader = new();

    [Theory]
    [InlineData("jffs2-le.img")]
    [InlineData("jffs2-be.img")]
    [InlineData("jffs2-rtime.img")]
    public void Reads_the_tree_mkfs_jffs2_packed(string fixture)
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes(fixture), warnings);

        TreeAssert.Matches(Manifest.Load("tree.manifest.tsv"), entries, m => m.Mode, m => (m.Uid, m.Gid));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Keeps_hard_links_as_links_to_the_first_name()
    {
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes("jffs2-le.img"));

        var link = entries.Single(e => e.Path == "bin/busybox.hardlink");
        Assert.Equal(EntryType.HardLink, link.Type);
        Assert.Equal("bin/busybox", link.LinkTarget);
    }

    [Theory]
    [InlineData("jffs2-le.img", "little-endian")]
    [InlineData("jffs2-be.img", "big-endian")]
    public void Identify_checks_the_first_node_header(string fixture, string order)
    {
        var image = Fixtures.Bytes(fixture);
        var match = Fixtures.Identify(_reader, image);

        Assert.NotNull(match);
        Assert.Null(match.Length);
        Assert.Contains(order, match.Description, StringComparison.Ordinal);

        image[4] ^= 1; // the node length, covered by the header CRC
        Assert.Null(Fixtures.Identify(_reader, image));
    }

    [Fact]
    public void Identify_rejects_the_magic_number_alone()
    {
        byte[] head = [0x85, 0x19, 0x03, 0x20, 0x0C, 0, 0, 0, 0, 0, 0, 0];

        Assert.Null(_reader.Identify(head, 4096));
    }

    [Fact]
    public void A_node_with_a_bad_data_crc_is_skipped_with_a_warning_and_leaves_a_hole()
    {
        var image = Fixtures.Bytes("jffs2-le.img");

        // bin/busybox is incompressible, so its first page is stored as is; its first bytes are SHA-256("busybox:0").
        var first = image.AsSpan().IndexOf(SHA256.HashData("busybox:0"u8));
        image[first] ^= 0xFF;
        var warnings = new List<string>();
        using var scratch = new TempDirectory();

        var busybox = _reader.Read(Fixtures.Source(image), UnpackContext.ForTesting(scratch.Path, warnings)).First(e => e.Path == "bin/busybox");
        using var content = new MemoryStream();
        using (var stream = busybox.Open!())
        {
            stream.CopyTo(content);
        }

        Assert.Contains(warnings, w => w.Contains("1 nodes with a bad node or data CRC", StringComparison.Ordinal));
        Assert.Equal(9 * 1024 + 123, content.Length);
        Assert.True(content.ToArray().AsSpan(0, 4096).IndexOfAnyExcept((byte)0) < 0, "the skipped page reads as zeros");
        Assert.Equal(SHA256.HashData("busybox:128"u8), content.ToArray().AsSpan(4096, 32).ToArray());
    }

    [Fact]
    public void A_newer_dirent_for_inode_0_deletes_the_name()
    {
        var image = Fixtures.Bytes("jffs2-le.img");
        var passwd = FindDirent(image, "passwd");
        var deletion = Dirent(passwd.Parent, passwd.Version + 1, ino: 0, "passwd");

        var entries = Fixtures.Extract(_reader, [.. image, .. deletion]);

        Assert.DoesNotContain(entries, e => e.Path == "etc/passwd");
        Assert.Contains(entries, e => e.Path == "etc/shadow");
    }

    [Fact]
    public void An_older_dirent_does_not_override_a_newer_one()
    {
        var image = Fixtures.Bytes("jffs2-le.img");
        var passwd = FindDirent(image, "passwd");
        var stale = Dirent(passwd.Parent, passwd.Version - 1, ino: 0, "passwd");

        var entries = Fixtures.Extract(_reader, [.. image, .. stale]);

        Assert.Contains(entries, e => e.Path == "etc/passwd");
    }

    [Fact]
    public void Obsolete_nodes_are_skipped_silently()
    {
        // The kernel marks a node obsolete by clearing the "accurate" bit of its type in place (0xE001 -> 0xC001),
        // leaving the header CRC as it was.
        var image = Fixtures.Bytes("jffs2-le.img");
        var passwd = FindDirent(image, "passwd");
        image[passwd.Position + 3] = 0xC0;
        var warnings = new List<string>();

        var entries = Fixtures.Extract(_reader, image, warnings);

        Assert.DoesNotContain(entries, e => e.Path == "etc/passwd");
        Assert.Empty(warnings);
    }

    [Fact]
    public void Rtime_decompresses_back_references_that_overlap_the_output()
    {
        // 'a' once, then 'a' again with 3 more copied from just after the first 'a', which is being written.
        byte[] packed = [(byte)'a', 0, (byte)'a', 3, (byte)'b', 0];
        var output = new byte[6];

        Assert.True(Jffs2Rtime.TryDecompress(packed, output));
        Assert.Equal("aaaaab"u8.ToArray(), output);
    }

    [Fact]
    public void Rtime_refuses_input_that_runs_out()
    {
        Assert.False(Jffs2Rtime.TryDecompress([(byte)'a', 9], new byte[4]));
        Assert.False(Jffs2Rtime.TryDecompress([(byte)'a'], new byte[4]));
    }

    private static (int Position, uint Parent, uint Version) FindDirent(byte[] image, string name)
    {
        for (var position = 0; position + 40 <= image.Length; position += 4)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(position)) == 0x1985 &&
                BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(position + 2)) == 0xE001 &&
                image.AsSpan(position + 40, image[position + 28]).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(name)))
            {
                var parent = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(position + 12));
                return (position, parent, BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(position + 16)));
            }
        }

        throw new InvalidOperationException(name + " not found");
    }

    /// <summary>A little-endian dirent node, laid out as in the kernel's jffs2.h, padded to 4 bytes.</summary>
    private static byte[] Dirent(uint parent, uint version, uint ino, string name)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        var node = new byte[(40 + nameBytes.Length + 3) & ~3];
        var span = node.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x1985);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 0xE001);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(40 + nameBytes.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Unpacking.Crc32.Update(0, span[..8]));
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], parent);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], ino);
        span[28] = (byte)nameBytes.Length;
        span[29] = 8;
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], Unpacking.Crc32.Update(0, span[..32]));
        BinaryPrimitives.WriteUInt32LittleEndian(span[36..], Unpacking.Crc32.Update(0, nameBytes));
        nameBytes.CopyTo(span[40..]);
        node.AsSpan(40 + nameBytes.Length).Fill(0xFF);
        return node;
    }
}
