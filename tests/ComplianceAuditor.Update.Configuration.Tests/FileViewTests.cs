using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class FileViewTests
{
    [Fact]
    public void The_in_memory_view_lists_rooted_paths_in_order_and_reads_at_most_the_limit()
    {
        var view = new InMemoryFileView().Add("/etc/b", "bbbb").Add("/etc/a", "aaaa");

        Assert.Equal(["/etc/a", "/etc/b"], view.Paths);
        Assert.Equal("aa"u8.ToArray(), view.Read("/etc/a", 2));
        Assert.Null(view.Read("/etc/missing", 10));
        Assert.Throws<ArgumentException>(() => view.Add("etc/relative", "x"));
    }

    [Fact]
    public void The_in_memory_view_hands_out_copies()
    {
        var view = new InMemoryFileView().Add("/f", "abc");
        view.Read("/f", 10)![0] = (byte)'z';

        Assert.Equal("abc"u8.ToArray(), view.Read("/f", 10));
    }

    [Fact]
    public void The_directory_view_lists_files_reads_them_bounded_and_refuses_to_leave_its_root()
    {
        using var temp = new TempDirectory();
        temp.Write("root/etc/swupdate.cfg", "globals: { verbose = true; };");
        temp.Write("secret.txt", "outside");
        var view = new DirectoryFileView(Path.Combine(temp.Path, "root"));

        Assert.Equal(["/etc/swupdate.cfg"], view.Paths);
        Assert.Equal("globals"u8.ToArray(), view.Read("/etc/swupdate.cfg", 7));
        Assert.Null(view.Read("/../secret.txt", 100));
        Assert.Null(view.Read("/etc/../../secret.txt", 100));
        Assert.Null(view.Read("relative", 100));
    }

    [Fact]
    public void The_directory_view_neither_lists_nor_reads_links()
    {
        using var temp = new TempDirectory();
        var target = temp.Write("outside.conf", "option check_signature");
        Directory.CreateDirectory(Path.Combine(temp.Path, "root", "etc"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "root", "etc", "opkg.conf"), target);
        var view = new DirectoryFileView(Path.Combine(temp.Path, "root"));

        Assert.Empty(view.Paths);
        Assert.Null(view.Read("/etc/opkg.conf", 100));
    }

    [Fact]
    public void The_directory_view_never_opens_a_fifo_it_lists()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "root", "etc"));
        var fifo = Path.Combine(temp.Path, "root", "etc", "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var view = new DirectoryFileView(Path.Combine(temp.Path, "root"));

        var bytes = view.Read("/etc/pipe", 100);
        Assert.NotNull(bytes);
        Assert.Empty(bytes);
        Assert.True(UpdateFrameworkScan.Scan(view).NoUpdateMechanismFound);
    }

    [Fact]
    public void A_scan_of_a_directory_view_finds_what_a_memory_view_finds()
    {
        using var temp = new TempDirectory();
        temp.Write("root/etc/opkg.conf", "src/gz core http://downloads.example.org/core\n");
        var result = UpdateFrameworkScan.Scan(new DirectoryFileView(Path.Combine(temp.Path, "root")));

        var opkg = Assert.Single(result.Findings);
        Assert.Equal(UpdateFrameworkNames.Opkg, opkg.Name);
        Assert.Equal(new FileLocation("/etc/opkg.conf", 1), Assert.Single(opkg.TransportIssues).Location);
    }
}
