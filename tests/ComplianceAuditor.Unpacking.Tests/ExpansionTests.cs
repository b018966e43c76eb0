using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>What opening containers turns into: virtual paths, kinds, links, devices, statuses and notes.</summary>
public sealed class ExpansionTests
{
    private static readonly byte[] Busybox = [.. Blobs.Noise(3000, seed: 7), 0];

    [Fact]
    public void A_file_that_is_one_container_is_opened_in_place_with_its_entries_below_it()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().Directory("etc").File("etc/passwd", "root:x:0:0::/root:/bin/sh\n", mode: 0b110_000_000).Build();

        var inventory = ws.Audit(firmware);

        Assert.Equal(["fw.bin", "fw.bin!/etc", "fw.bin!/etc/passwd"], inventory.Paths());
        var container = inventory.Root.Container!;
        Assert.Equal(("tcnt", "native", "opened", 2, null), (container.Format, container.Extractor, container.Status, container.Entries, container.Reason));

        // Folders are artifacts too, with their permissions, so a world-writable one can be found; never opened.
        var etc = inventory.Get("fw.bin!/etc");
        Assert.Equal((ArtifactKind.Directory, 0L, "fw.bin"), (etc.Kind, etc.Size, etc.Parent));
        Assert.Null(etc.Content);
        Assert.Equal("test container, 2 entries", container.Description);
        var passwd = inventory.Get("fw.bin!/etc/passwd");
        Assert.Equal(
            ("etc/passwd", "fw.bin", ArtifactKind.Text, 26L, (int?)0b110_000_000, "tcnt (native)", (long?)null),
            (passwd.RelativePath, passwd.Parent, passwd.Kind, passwd.Size, passwd.Mode, passwd.ExtractedBy, passwd.Offset));
        Assert.Equal(Artifacts.Sha256(Encoding.UTF8.GetBytes("root:x:0:0::/root:/bin/sh\n")), passwd.Sha256);
        Assert.True(inventory.IsComplete);
        Assert.Empty(inventory.Notes);

        // The target's own identity stays that of the file on disk.
        Assert.Equal(Artifacts.Sha256(firmware), inventory.Target.Sha256);
        Assert.Equal(firmware.Length, inventory.Target.Size);
    }

    [Fact]
    public void Entries_of_several_containers_come_out_in_path_order_whatever_order_they_were_found_in()
    {
        // Entries out of order, and nested containers whose paths fall between their siblings' ("b.tcnt!/..." sorts
        // before "b.tcnt-x", "b.tcnt" before "b"); each container is sorted on its own, then all are merged.
        using var ws = new Workspace();
        var nested = new TestContainerBuilder().File("z", "z\n").File("a", "a\n").Build();
        var other = new TestContainerBuilder().File("m", "m\n").Build();
        var firmware = new TestContainerBuilder()
            .File("b.tcnt-x", "x\n").File("b", "b\n").File("b.tcnt", nested).File("a-b", "ab\n").File("a.tcnt", other).File("a", "a\n")
            .Build();

        var inventory = ws.Audit(firmware);

        Assert.Equal(
            ["fw.bin", "fw.bin!/a", "fw.bin!/a-b", "fw.bin!/a.tcnt", "fw.bin!/a.tcnt!/m", "fw.bin!/b", "fw.bin!/b.tcnt", "fw.bin!/b.tcnt!/a", "fw.bin!/b.tcnt!/z", "fw.bin!/b.tcnt-x"],
            inventory.Paths());
        Assert.Equal("opened", inventory.Get("fw.bin!/b.tcnt").Container!.Status);
    }

    [Fact]
    public void The_root_directory_entry_of_an_archive_is_no_problem()
    {
        using var ws = new Workspace();

        var inventory = ws.Audit(new TestContainerBuilder().Directory("./").Directory(".").File("./etc/hostname", "cam\n").Build());

        Assert.Equal(["fw.bin", "fw.bin!/etc/hostname"], inventory.Paths());
        Assert.Empty(inventory.Notes);
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void Carved_and_nested_images_have_virtual_paths_with_their_offsets_and_formats()
    {
        using var ws = new Workspace();
        var inner = new TestContainerBuilder().File("deep", "inside\n").Build();
        var first = new TestContainerBuilder().File("dir/file", "carved\n").File("inner.tcnt", inner).Build();
        var second = new TestContainerBuilder().File("x", "second\n").Build();
        var blob = Blobs.Noise(0x4000).Place(0x200, first).Place(0x2000, second);

        var inventory = ws.Audit(blob);

        Assert.Equal(
            [
                // Ordinal order: '.' sorts before '0', '!' before '/'.
                "fw.bin",
                "fw.bin!/0x200.tcnt",
                "fw.bin!/0x200.tcnt!/dir/file",
                "fw.bin!/0x200.tcnt!/inner.tcnt",
                "fw.bin!/0x200.tcnt!/inner.tcnt!/deep",
                "fw.bin!/0x2000.tcnt",
                "fw.bin!/0x2000.tcnt!/x",
            ],
            inventory.Paths());
        var carved = inventory.Get("fw.bin!/0x200.tcnt");
        Assert.Equal(
            ("0x200.tcnt", "fw.bin", (long?)0x200, (long)first.Length, "carved (signature search)", Artifacts.Sha256(first)),
            (carved.RelativePath, carved.Parent, carved.Offset, carved.Size, carved.ExtractedBy, carved.Sha256));
        Assert.Equal(first, carved.Bytes());
        Assert.Equal("opened", carved.Container!.Status);
        Assert.Equal("fw.bin!/0x200.tcnt", inventory.Get("fw.bin!/0x200.tcnt!/dir/file").Parent);
        Assert.Equal("inside\n", Encoding.UTF8.GetString(inventory.Get("fw.bin!/0x200.tcnt!/inner.tcnt!/deep").Bytes()));
        Assert.Null(inventory.Root.Container);
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void The_payload_of_a_layout_is_carved_and_its_images_nest_under_it()
    {
        using var ws = new Workspace();
        var rootfs = new TestContainerBuilder().File("etc/passwd", "root::0:0\n").Build();
        var payload = Blobs.Noise(0x1000, seed: 9).Place(0x100, rootfs);
        var firmware = TestLayoutReader.Build(payload, loadAddress: 0x8000_0000);

        var inventory = ws.Audit(firmware);

        Assert.Equal(["fw.bin", "fw.bin!/payload", "fw.bin!/payload!/0x100.tcnt", "fw.bin!/payload!/0x100.tcnt!/etc/passwd"], inventory.Paths());
        Assert.Equal(("tlay", "opened"), (inventory.Root.Container!.Format, inventory.Root.Container.Status));
        var payloadArtifact = inventory.Get("fw.bin!/payload");
        Assert.Equal(((long?)0x8000_0000, (long?)16, (long)payload.Length), (payloadArtifact.LoadAddress, payloadArtifact.Offset, payloadArtifact.Size));
        Assert.Equal((long?)0x100, inventory.Get("fw.bin!/payload!/0x100.tcnt").Offset);
    }

    [Fact]
    public void A_small_image_appended_after_the_image_at_the_start_is_found_too()
    {
        // A kernel with a device tree or a small configuration archive appended: the tail is data, not padding.
        using var ws = new Workspace();
        var kernel = TestLayoutReader.Build(Blobs.Noise(100_000, seed: 14), 0x8000);
        var appended = new TestContainerBuilder().File("etc/config", "appended\n").Build();

        var inventory = ws.Audit([.. kernel, .. appended]);

        Assert.Equal(
            ["fw.bin", "fw.bin!/0x0.tlay", "fw.bin!/0x0.tlay!/payload", $"fw.bin!/0x{kernel.Length:x}.tcnt", $"fw.bin!/0x{kernel.Length:x}.tcnt!/etc/config"],
            inventory.Paths());
    }

    [Fact]
    public void Padding_after_the_image_at_the_start_does_not_make_it_a_carved_image()
    {
        using var ws = new Workspace();
        var kernel = TestLayoutReader.Build(Blobs.Noise(100_000, seed: 14), 0x8000);
        var padding = Enumerable.Repeat((byte)0xff, 40_000);

        var inventory = ws.Audit([.. kernel, .. padding]);

        Assert.Equal(["fw.bin", "fw.bin!/payload"], inventory.Paths());
        Assert.Equal("opened", inventory.Root.Container!.Status);
    }

    [Fact]
    public void Files_of_a_file_system_are_recognised_at_their_start_but_never_carved()
    {
        using var ws = new Workspace();
        var embedded = new TestContainerBuilder().File("hidden", "x").Build();
        var whole = new TestContainerBuilder().File("visible", "y").Build();
        var firmware = new TestContainerBuilder()
            .File("blob.bin", Blobs.Noise(4096, seed: 11).Place(0x100, embedded))
            .File("whole.tcnt", whole)
            .Build();

        var inventory = ws.Audit(firmware);

        Assert.Equal(["fw.bin", "fw.bin!/blob.bin", "fw.bin!/whole.tcnt", "fw.bin!/whole.tcnt!/visible"], inventory.Paths());
        Assert.Null(inventory.Get("fw.bin!/blob.bin").Container);
    }

    [Fact]
    public void A_rootfs_folder_has_its_container_files_opened_but_its_blobs_not_carved()
    {
        using var ws = new Workspace();
        ws.Write("rootfs/lib/firmware/blob.bin", Blobs.Noise(4096, seed: 12).Place(0x100, new TestContainerBuilder().File("hidden", "x").Build()));
        ws.Write("rootfs/opt/app.tcnt", new TestContainerBuilder().File("bin/app", "app\n").Build());
        var target = new AuditTarget("rootfs", TargetKind.Rootfs, Path.Combine(ws.Root, "input", "rootfs"));

        var inventory = ws.Audit(target);

        Assert.Equal(["rootfs", "rootfs/lib/firmware/blob.bin", "rootfs/opt/app.tcnt", "rootfs/opt/app.tcnt!/bin/app"], inventory.Paths());
        Assert.Equal("opened", inventory.Get("rootfs/opt/app.tcnt").Container!.Status);
    }

    [Fact]
    public void A_hard_link_shares_the_content_and_hash_of_its_target()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder()
            .File("bin/busybox", Busybox, mode: 0b111_101_101)
            .HardLink("bin/sh", "bin/busybox")
            .HardLink("sbin/init", "./bin//busybox")
            .HardLink("bin/ghost", "bin/missing")
            .HardLink("bin/escape", "../../etc/shadow")
            .Build();

        var inventory = ws.Audit(firmware);

        var busybox = inventory.Get("fw.bin!/bin/busybox");
        Assert.Equal(Artifacts.Sha256(Busybox), busybox.Sha256);
        foreach (var path in new[] { "fw.bin!/bin/sh", "fw.bin!/sbin/init" })
        {
            var link = inventory.Get(path);
            Assert.Equal((busybox.Kind, busybox.Size, busybox.Sha256, "bin/busybox"), (link.Kind, link.Size, link.Sha256, link.LinkTarget));
            Assert.Equal(Busybox, link.Bytes());
            Assert.Equal("hard link to 'bin/busybox'", link.Note);
        }

        var ghost = inventory.Get("fw.bin!/bin/ghost");
        Assert.Equal((ArtifactKind.Unreadable, "", "bin/missing"), (ghost.Kind, ghost.Sha256, ghost.LinkTarget));
        Assert.Contains("which was not extracted", ghost.Note, StringComparison.Ordinal);
        Assert.Equal(ArtifactKind.Unreadable, inventory.Get("fw.bin!/bin/escape").Kind);
    }

    [Fact]
    public void A_hard_link_to_a_symlink_or_a_device_is_that_symlink_or_device()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder()
            .Symlink("bin/sh", "busybox")
            .HardLink("bin/ash", "bin/sh")
            .Device(TestEntryKind.CharDevice, "dev/null", 1, 3)
            .HardLink("dev/zero-alias", "dev/null")
            .Build();

        var inventory = ws.Audit(firmware);

        var ash = inventory.Get("fw.bin!/bin/ash");
        Assert.Equal((ArtifactKind.Symlink, "busybox"), (ash.Kind, ash.LinkTarget));
        var alias = inventory.Get("fw.bin!/dev/zero-alias");
        Assert.Equal((ArtifactKind.Special, "character device 1,3; never opened"), (alias.Kind, alias.Note));
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void Devices_fifos_and_sockets_are_special_artifacts_with_their_numbers()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder()
            .Device(TestEntryKind.CharDevice, "dev/console", 5, 1)
            .Device(TestEntryKind.BlockDevice, "dev/mtdblock3", 31, 3)
            .Special(TestEntryKind.Fifo, "run/initctl")
            .Special(TestEntryKind.Socket, "run/log")
            .Build();

        var inventory = ws.Audit(firmware);

        Assert.Equal(
            [
                ("fw.bin!/dev/console", ArtifactKind.Special, "character device 5,1; never opened"),
                ("fw.bin!/dev/mtdblock3", ArtifactKind.Special, "block device 31,3; never opened"),
                ("fw.bin!/run/initctl", ArtifactKind.Special, "FIFO; never opened"),
                ("fw.bin!/run/log", ArtifactKind.Special, "socket; never opened"),
            ],
            inventory.Artifacts.Skip(1).Select(a => (a.Path, a.Kind, a.Note)));
        Assert.All(inventory.Artifacts.Skip(1), a => Assert.Null(a.Content));
        Assert.Empty(Directory.EnumerateFiles(ws.Work.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Two_entries_with_the_same_path_get_distinct_virtual_paths()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().File("etc/passwd", "first\n").File("./etc//passwd", "second\n").Build();

        var inventory = ws.Audit(firmware);

        Assert.Equal(["fw.bin", "fw.bin!/etc/passwd", "fw.bin!/etc/passwd#2"], inventory.Paths());
        Assert.Equal("second\n", Encoding.UTF8.GetString(inventory.Get("fw.bin!/etc/passwd#2").Bytes()));
    }

    [Fact]
    public void Warnings_of_a_reader_become_notes_and_stop_at_twenty_per_container()
    {
        using var ws = new Workspace();
        var builder = new TestContainerBuilder().File("a", "x");
        for (var i = 0; i < 25; i++)
        {
            builder.Warning($"inode {i} has a bad block list");
        }

        var inventory = ws.Audit(builder.Build());

        Assert.Equal(21, inventory.Notes.Count);
        Assert.Equal("fw.bin: inode 0 has a bad block list", inventory.Notes[0]);
        Assert.Equal("fw.bin: and 5 more problem(s) of the same kind", inventory.Notes[20]);
        Assert.False(inventory.IsComplete);
        Assert.Equal("opened", inventory.Root.Container!.Status);
    }

    [Fact]
    public void Artifacts_are_sorted_and_identical_across_runs()
    {
        var inner = new TestContainerBuilder().File("z", "1").File("a", "2").Build();
        var container = new TestContainerBuilder()
            .File("usr/bin/b", Busybox).Symlink("bin", "usr/bin").File("inner.tcnt", inner).HardLink("usr/bin/a", "usr/bin/b")
            .Device(TestEntryKind.CharDevice, "dev/null", 1, 3).BrokenFile("broken", [1, 2, 3])
            .Build();
        var blob = Blobs.Noise(0x3000).Place(0x1000, container).Place(0x2000, TestLayoutReader.Build(inner, 0x1000));

        IReadOnlyList<object> Run()
        {
            using var ws = new Workspace();
            var inventory = ws.Audit(blob);
            return [.. inventory.Artifacts.Select(a => (object)(a with { Content = null })), inventory.IsComplete, .. inventory.Notes];
        }

        var first = Run();
        var second = Run();

        Assert.Equal(first, second);
        var paths = first.OfType<Artifact>().Skip(1).Select(a => a.Path).ToArray();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Equal(13, paths.Length);
    }

    [Fact]
    public void Cancellation_stops_the_unpacking()
    {
        using var ws = new Workspace();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ws.Audit(new TestContainerBuilder().File("a", "x").Build(), cancellationToken: cancelled.Token));
    }
}
