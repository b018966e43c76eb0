using ComplianceAuditor.Formats.FileSystems.Cramfs;
using ComplianceAuditor.Formats.FileSystems.Jffs2;
using ComplianceAuditor.Formats.FileSystems.Romfs;
using ComplianceAuditor.Formats.FileSystems.Ubi;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>The malformed images make_hostile.py derived from the valid fixtures, one malformation each.</summary>
public sealed class HostileImageTests
{
    [Fact]
    public void Cramfs_directory_pointing_at_its_own_parent_is_a_cycle()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new CramfsReader(), Fixtures.Bytes("cramfs-cycle.img")));

        Assert.Contains("directory 'usr/share/doc' points at 0x", error.Message, StringComparison.Ordinal);
        Assert.Contains("a directory cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cramfs_page_pointer_past_the_end_is_refused_when_the_file_is_read()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new CramfsReader(), Fixtures.Bytes("cramfs-pointer-past-end.img")));

        Assert.Contains("page 0 of 'etc/passwd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("lies past the end of the 12288-byte image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cramfs_page_that_inflates_beyond_4_KiB_is_refused()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new CramfsReader(), Fixtures.Bytes("cramfs-page-bomb.img")));

        Assert.Contains("page 0 of 'etc/passwd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("inflates to more than 4096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cramfs_truncated_image_is_refused_before_reading()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new CramfsReader(), Fixtures.Bytes("cramfs-truncated.img")));

        Assert.Equal("cramfs: the superblock declares 12288 bytes but only 8192 are present (truncated image)", error.Message);
    }

    [Fact]
    public void Jffs2_directory_made_a_child_of_itself_is_a_cycle()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new Jffs2Reader(), Fixtures.Bytes("jffs2-cycle.img")));

        Assert.Contains("directory 'usr/share/doc/self'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is its own ancestor (a directory cycle)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jffs2_node_with_an_absurd_length_is_skipped_like_the_kernel_does()
    {
        // No node can be trusted past a bad length, so the kernel (and this reader) skip it and scan on: the rest of
        // the image is still read, and the loss is reported.
        var warnings = new List<string>();
        var entries = Fixtures.Extract(new Jffs2Reader(), Fixtures.Bytes("jffs2-absurd-length.img"), warnings);

        Assert.Contains(warnings, w => w.Contains("1 nodes with an impossible length", StringComparison.Ordinal)
            && w.Contains("claims 2147483632 bytes", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Path == "etc/passwd");
        Assert.Contains(entries, e => e.Path == "etc/shadow");
    }

    [Fact]
    public void Jffs2_file_claiming_4_GiB_is_streamed_without_allocating_it()
    {
        var warnings = new List<string>();
        using var scratch = new TempDirectory();
        var image = Fixtures.Bytes("jffs2-huge-file.img");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var passwd = new Jffs2Reader().Read(Fixtures.Source(image), UnpackContext.ForTesting(scratch.Path, warnings))
            .Single(e => e.Path == "etc/passwd");
        var head = new byte[1 << 20];
        using (var stream = passwd.Open!())
        {
            stream.ReadExactly(head);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The size is the one the newest node declares; capping what is extracted is the driver's job (MaxFileBytes).
        Assert.Equal(0xFFFF_FFFFL, passwd.Size);
        Assert.StartsWith("root:x:0:0:", System.Text.Encoding.ASCII.GetString(head, 0, 11), StringComparison.Ordinal);
        Assert.True(head.AsSpan(66).IndexOfAnyExcept((byte)0) < 0, "the hole after the old content reads as zeros");
        Assert.True(allocated < 32L << 20, $"allocated {allocated} bytes");

        // The second appended node would put data past 4 GiB: it is dropped, and said so.
        Assert.Contains(warnings, w => w.Contains("1 inode nodes with an impossible data range were skipped", StringComparison.Ordinal)
            && w.Contains("at offset 0xfffff800", StringComparison.Ordinal));
    }

    [Fact]
    public void Jffs2_lzo_node_makes_its_file_unavailable_with_a_reason()
    {
        var warnings = new List<string>();
        using var scratch = new TempDirectory();
        var entries = new Jffs2Reader().Read(Fixtures.Source(Fixtures.Bytes("jffs2-lzo.img")), UnpackContext.ForTesting(scratch.Path, warnings))
            .ToList();

        Assert.Contains(warnings, w => w.Contains("1 data nodes use lzo compression", StringComparison.Ordinal));
        var busybox = entries.Single(e => e.Path == "bin/busybox");
        var error = Assert.Throws<UnpackException>(() => busybox.Open!());
        Assert.Contains("'bin/busybox' is unavailable: it uses lzo compression", error.Message, StringComparison.Ordinal);

        // The other files are unaffected.
        using var passwd = entries.Single(e => e.Path == "etc/passwd").Open!();
        Assert.Equal(66, new StreamReader(passwd).ReadToEnd().Length);
    }

    [Fact]
    public void Jffs2_truncated_image_keeps_what_survives_and_reports_the_cut_node()
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(new Jffs2Reader(), Fixtures.Bytes("jffs2-truncated.img"), warnings);

        Assert.Contains(warnings, w => w.Contains("running past the end of the image", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Path == "bin/busybox");
    }

    [Fact]
    public void Romfs_next_pointer_loop_is_refused()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new RomfsReader(), Fixtures.Bytes("romfs-loop.img")));

        Assert.Contains("is reached a second time (a next or spec pointer loop)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Romfs_truncated_image_is_refused_before_reading()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new RomfsReader(), Fixtures.Bytes("romfs-truncated.img")));

        Assert.Equal("romfs: the header declares 29696 bytes but only 4096 are present (truncated image)", error.Message);
    }

    [Fact]
    public void Ubi_truncated_image_missing_a_static_volume_block_is_refused()
    {
        var warnings = new List<string>();
        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(new UbiReader(), Fixtures.Bytes("ubi-truncated.img.gz"), warnings));

        Assert.Equal("ubi: static volume 'kernel' lacks logical eraseblock 1 of 2 (truncated image?)", error.Message);
    }

    [Fact]
    public void Paths_deeper_than_path_max_are_refused()
    {
        var path = string.Empty;
        var error = Assert.Throws<UnpackException>(() =>
        {
            for (var depth = 0; depth < 10_000; depth++)
            {
                path = Common.TreePath.Join(path, "nested", "cramfs");
            }
        });

        Assert.Contains("longer than 4096 characters", error.Message, StringComparison.Ordinal);
        Assert.True(path.Length <= 4096);
    }
}
