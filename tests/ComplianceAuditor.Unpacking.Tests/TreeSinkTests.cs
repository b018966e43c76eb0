using System.Text;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Unpacking.Tests;

public sealed class TreeSinkTests
{
    private static string Write(TreeSink sink, string virtualPath, string content)
    {
        var (stream, local) = sink.Create(virtualPath);
        using (stream)
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return local;
    }

    [Fact]
    public void Virtual_paths_map_to_extracted_folders_per_container_step()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "tree");
        var sink = new TreeSink(root);

        var passwd = Write(sink, "fw.bin!/0x40000.squashfs!/etc/passwd", "root::0:0\n");
        var deep = Write(sink, "fw.bin!/payload!/0x100.tcnt!/usr/lib/libc.so", "libc");

        Assert.Equal(Path.Combine(root, "fw.bin.extracted", "0x40000.squashfs.extracted", "etc", "passwd"), passwd);
        Assert.Equal(Path.Combine(root, "fw.bin.extracted", "payload.extracted", "0x100.tcnt.extracted", "usr", "lib", "libc.so"), deep);
        Assert.Equal("root::0:0\n", File.ReadAllText(passwd));
    }

    [Fact]
    public void A_clash_goes_to_renamed_and_nothing_is_overwritten()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "tree");
        var sink = new TreeSink(root);

        var file = Write(sink, "fw.bin!/etc/init", "a file");
        var below = Write(sink, "fw.bin!/etc/init/rcS", "needs init to be a folder");
        var folderFirst = Write(sink, "fw.bin!/usr/bin/x", "x");
        var fileOnFolder = Write(sink, "fw.bin!/usr/bin", "a file named like the folder");
        var duplicate = Write(sink, "fw.bin!/etc/init", "second with the same name");

        Assert.Equal(Path.Combine(root, "fw.bin.extracted", "etc", "init"), file);
        Assert.Equal("a file", File.ReadAllText(file));
        Assert.Equal(Path.Combine(root, "_renamed", "1"), below);
        Assert.Equal("needs init to be a folder", File.ReadAllText(below));
        Assert.Equal(Path.Combine(root, "fw.bin.extracted", "usr", "bin", "x"), folderFirst);
        Assert.Equal(Path.Combine(root, "_renamed", "2"), fileOnFolder);
        Assert.Equal("a file named like the folder", File.ReadAllText(fileOnFolder));
        Assert.Equal(Path.Combine(root, "_renamed", "3"), duplicate);
    }

    [Theory]
    [InlineData("../../../evil")]
    [InlineData("fw.bin!/../../evil")]
    [InlineData("fw.bin!/a/../../../evil")]
    [InlineData("/etc/evil")]
    [InlineData("fw.bin!//etc/evil")]
    [InlineData("..!/..!/evil")]
    [InlineData("fw.bin!/./.")]
    [InlineData("_renamed/1")]
    [InlineData("_scratch/1/evil")]
    [InlineData("fw.bin!/a\0b")]
    [InlineData("")]
    [InlineData("!/")]
    public void A_crafted_virtual_path_never_leads_outside_the_root(string virtualPath)
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "deep", "tree");
        var sink = new TreeSink(root);
        Write(sink, "fw.bin!/_renamed", "occupies a name");

        var local = Write(sink, virtualPath, "crafted");

        Assert.StartsWith(root + Path.DirectorySeparatorChar, local, StringComparison.Ordinal);
        Assert.Equal("crafted", File.ReadAllText(local));
        var outside = Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && p != root && p != Path.GetDirectoryName(root));
        Assert.Empty(outside);
    }

    [Fact]
    public void A_component_too_long_for_the_file_system_goes_to_renamed()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "tree");
        var sink = new TreeSink(root);

        var local = Write(sink, "fw.bin!/" + new string('é', 200), "long");

        Assert.Equal(Path.Combine(root, "_renamed", "1"), local);
    }

    [Fact]
    public void A_target_whose_name_starts_with_an_underscore_gets_its_own_folder()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "tree");
        var sink = new TreeSink(root);

        var local = Write(sink, "_fw.bin!/etc/passwd", "root::0:0\n");

        Assert.Equal(Path.Combine(root, "_fw.bin.extracted", "etc", "passwd"), local);
    }

    [Fact]
    public void Scratch_folders_are_inside_the_tree_and_gone_after_dispose_with_the_links_a_tool_left()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "tree");
        var precious = temp.Write("precious.txt", "keep me");
        string scratch;
        string kept;
        using (var sink = new TreeSink(root))
        {
            kept = Write(sink, "fw.bin!/etc/passwd", "root::0:0\n");
            scratch = sink.CreateScratch();
            Assert.StartsWith(root + Path.DirectorySeparatorChar, scratch, StringComparison.Ordinal);
            File.CreateSymbolicLink(Path.Combine(scratch, "link"), precious);
            File.WriteAllText(Path.Combine(scratch, "image.bin"), "copy");
        }

        Assert.False(Directory.Exists(scratch));
        Assert.Equal(["fw.bin.extracted"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
        Assert.Equal("root::0:0\n", File.ReadAllText(kept));
        Assert.Equal("keep me", File.ReadAllText(precious));
    }
}
