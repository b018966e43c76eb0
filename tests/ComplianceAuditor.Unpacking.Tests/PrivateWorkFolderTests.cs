using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Unpacking.Tests;

public sealed class PrivateWorkFolderTests
{
    [Fact]
    public void The_folder_is_private_inside_the_output_folder_and_gone_after_dispose()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "reports");
        string folder;
        string file;
        string scratch;
        using (var work = PrivateWorkFolder.CreateIn(output))
        {
            folder = work.Path;
            Assert.Equal(output, Path.GetDirectoryName(folder));
            Assert.StartsWith(".unpack-", Path.GetFileName(folder), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }

            var (stream, local) = work.Create("fw.bin!/../../etc/passwd");
            using (stream)
            {
                stream.Write("content"u8);
            }

            file = local;
            scratch = work.CreateScratch();
            File.WriteAllText(Path.Combine(scratch, "tool-output"), "x");
            Assert.StartsWith(folder + Path.DirectorySeparatorChar, file, StringComparison.Ordinal);
            Assert.StartsWith(folder + Path.DirectorySeparatorChar, scratch, StringComparison.Ordinal);
            Assert.DoesNotContain("passwd", file, StringComparison.Ordinal);
            Assert.Equal("content", File.ReadAllText(file));
        }

        Assert.False(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void Every_file_gets_a_new_name_whatever_its_virtual_path()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);

        var locals = Enumerable.Range(0, 600).Select(_ =>
        {
            var (stream, local) = work.Create("fw.bin!/same/name");
            stream.Dispose();
            return local;
        }).ToArray();

        Assert.Equal(locals.Length, locals.Distinct(StringComparer.Ordinal).Count());
        Assert.All(locals, l => Assert.StartsWith(work.Path + Path.DirectorySeparatorChar, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_removes_links_an_external_tool_left_without_touching_what_they_point_to()
    {
        using var temp = new TempDirectory();
        var precious = temp.Write("precious/keep.txt", "keep me");
        var work = PrivateWorkFolder.CreateIn(Path.Combine(temp.Path, "out"));
        var scratch = work.CreateScratch();
        Directory.CreateSymbolicLink(Path.Combine(scratch, "dir-link"), Path.GetDirectoryName(precious)!);
        File.CreateSymbolicLink(Path.Combine(scratch, "file-link"), precious);

        work.Dispose();
        work.Dispose();

        Assert.False(Directory.Exists(work.Path));
        Assert.Equal("keep me", File.ReadAllText(precious));
    }

    [Fact]
    public void Two_work_folders_in_one_output_folder_are_distinct()
    {
        using var temp = new TempDirectory();
        using var a = PrivateWorkFolder.CreateIn(temp.Path);
        using var b = PrivateWorkFolder.CreateIn(temp.Path);

        Assert.NotEqual(a.Path, b.Path);
        a.Dispose();
        Assert.True(Directory.Exists(b.Path));
    }
}
