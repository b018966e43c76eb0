using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>Every limit stops the container it is hit in, says which limit and where, and leaves the inventory incomplete.</summary>
public sealed class LimitTests
{
    [Fact]
    public void The_file_limit_stops_extraction_with_a_partial_status_naming_the_limit_and_the_container()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().File("1", "a").File("2", "b").File("3", "c").File("4", "d").File("5", "e").Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxFiles = 3 });

        var container = inventory.Root.Container!;
        Assert.Equal(("partial", 3), (container.Status, container.Entries));
        Assert.Contains("--max-unpack-files", container.Reason, StringComparison.Ordinal);
        Assert.Contains("limit of 3", container.Reason, StringComparison.Ordinal);
        Assert.Contains("in fw.bin", container.Reason, StringComparison.Ordinal);
        Assert.Equal(["fw.bin", "fw.bin!/1", "fw.bin!/2", "fw.bin!/3"], inventory.Paths());
        Assert.False(inventory.IsComplete);
        Assert.Contains(inventory.Notes, n => n.StartsWith("fw.bin: tcnt partial: ", StringComparison.Ordinal) && n.Contains("--max-unpack-files", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_limit_counts_entries_of_every_container_of_the_target()
    {
        using var ws = new Workspace();
        var inner = new TestContainerBuilder().File("x", "1").File("y", "2").Build();
        var firmware = new TestContainerBuilder().File("inner.tcnt", inner).File("z", "3").Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxFiles = 3 });

        // fw.bin gives two entries, the inner container one more before the budget of three is spent.
        Assert.Equal("opened", inventory.Root.Container!.Status);
        var inner1 = inventory.Get("fw.bin!/inner.tcnt").Container!;
        Assert.Equal(("partial", 1), (inner1.Status, inner1.Entries));
        Assert.Contains("in fw.bin!/inner.tcnt", inner1.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_per_file_limit_is_left_out_with_the_reason_and_the_container_goes_on()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().File("small", "tiny").Repeat("big", 0x41, 200_000).File("after", "still read").Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxFileBytes = 100_000 });

        Assert.Equal("opened", inventory.Root.Container!.Status);
        Assert.Equal(["fw.bin", "fw.bin!/after", "fw.bin!/big", "fw.bin!/small"], inventory.Paths());
        var big = inventory.Get("fw.bin!/big");
        Assert.Equal(ArtifactKind.Unreadable, big.Kind);
        Assert.Contains("larger than the limit of 100000 bytes per file (--max-unpack-file-bytes)", big.Note, StringComparison.Ordinal);
        Assert.Contains(inventory.Notes, n => n.Contains("'big' is larger than the limit", StringComparison.Ordinal));
        Assert.False(inventory.IsComplete);

        // No partial copy of the big file is left in the work folder: only the two small files are there.
        Assert.Equal(2, Directory.EnumerateFiles(ws.Work.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_file_exactly_at_the_per_file_limit_is_extracted()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().Repeat("exact", 0x41, 100_000).Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxFileBytes = 100_000 });

        Assert.Equal("opened", inventory.Root.Container!.Status);
        Assert.Equal(100_000, inventory.Get("fw.bin!/exact").Size);
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void The_total_byte_limit_stops_the_container_where_it_is_reached()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().Repeat("1", 1, 150_000).Repeat("2", 2, 150_000).Repeat("3", 3, 150_000).Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxTotalBytes = 300_000 });

        var container = inventory.Root.Container!;
        Assert.Equal(("partial", 2), (container.Status, container.Entries));
        Assert.Contains("the limit of 300000 extracted bytes per target (--max-unpack-bytes) was reached at '3' in fw.bin", container.Reason, StringComparison.Ordinal);
        Assert.Equal(["fw.bin", "fw.bin!/1", "fw.bin!/2"], inventory.Paths());
        Assert.Equal([150_000L, 150_000L], inventory.Artifacts.Skip(1).Select(a => a.Size));
        Assert.False(inventory.IsComplete);
    }

    [Fact]
    public void A_container_expanding_beyond_the_ratio_is_stopped_as_a_bomb()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().File("note", "fine").Repeat("bomb", 0, 50_000_000).Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxRatio = 100, RatioFloorBytes = 10_000 });

        var container = inventory.Root.Container!;
        Assert.Equal(("partial", 1), (container.Status, container.Entries));
        Assert.Contains($"fw.bin expanded to more than 100 times its size of {firmware.Length} bytes (--max-unpack-ratio) at 'bomb'", container.Reason, StringComparison.Ordinal);
        Assert.Equal(["fw.bin", "fw.bin!/note"], inventory.Paths());
        Assert.False(inventory.IsComplete);
    }

    [Fact]
    public void Below_the_ratio_floor_a_highly_compressed_container_is_not_called_a_bomb()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().Repeat("zeros", 0, 500_000).Build();

        var inventory = ws.Audit(firmware, new UnpackLimits { MaxRatio = 100, RatioFloorBytes = 1_000_000 });

        Assert.Equal("opened", inventory.Root.Container!.Status);
        Assert.Equal(500_000, inventory.Get("fw.bin!/zeros").Size);
    }

    [Fact]
    public void Containers_nested_deeper_than_the_limit_are_recorded_too_deep_and_not_opened()
    {
        using var ws = new Workspace();
        var level3 = new TestContainerBuilder().File("deep.txt", "too deep").Build();
        var level2 = new TestContainerBuilder().File("l3.tcnt", level3).Build();
        var level1 = new TestContainerBuilder().File("l2.tcnt", level2).Build();

        var inventory = ws.Audit(level1, new UnpackLimits { MaxDepth = 2 });

        Assert.Equal("opened", inventory.Root.Container!.Status);
        Assert.Equal("opened", inventory.Get("fw.bin!/l2.tcnt").Container!.Status);
        var tooDeep = inventory.Get("fw.bin!/l2.tcnt!/l3.tcnt").Container!;
        Assert.Equal(("too-deep", "tcnt", 0), (tooDeep.Status, tooDeep.Format, tooDeep.Entries));
        Assert.Contains("limit of 2 (--max-unpack-depth)", tooDeep.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(inventory.Paths(), p => p.Contains("deep.txt", StringComparison.Ordinal));
        Assert.False(inventory.IsComplete);
        Assert.Contains(inventory.Notes, n => n.StartsWith("fw.bin!/l2.tcnt!/l3.tcnt: ", StringComparison.Ordinal) && n.Contains("--max-unpack-depth", StringComparison.Ordinal));

        var deeper = ws.Audit(level1, new UnpackLimits { MaxDepth = 3 });
        Assert.True(deeper.Has("fw.bin!/l2.tcnt!/l3.tcnt!/deep.txt"));
        Assert.True(deeper.IsComplete);
    }

    [Fact]
    public void Images_carved_from_a_blob_count_at_the_depth_of_the_blob()
    {
        using var ws = new Workspace();
        var inner = new TestContainerBuilder().File("leaf", "x").Build();
        var carved = new TestContainerBuilder().File("inner.tcnt", inner).Build();
        var blob = Blobs.Noise(8192).Place(0x200, carved);

        var inventory = ws.Audit(blob, new UnpackLimits { MaxDepth = 2 });

        Assert.Equal("opened", inventory.Get("fw.bin!/0x200.tcnt").Container!.Status);
        Assert.True(inventory.Has("fw.bin!/0x200.tcnt!/inner.tcnt!/leaf"));
    }

    [Fact]
    public void Only_the_allowed_number_of_images_is_carved_from_one_blob_and_the_rest_is_noted()
    {
        using var ws = new Workspace();
        var blob = Blobs.Noise(0x6000);
        for (var i = 1; i <= 5; i++)
        {
            blob.Place(0x1000 * i, new TestContainerBuilder().File("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build());
        }

        var inventory = ws.Audit(blob, new UnpackLimits { MaxCarvedPerBlob = 3 });

        Assert.Equal(["fw.bin!/0x1000.tcnt", "fw.bin!/0x2000.tcnt", "fw.bin!/0x3000.tcnt"], inventory.Paths().Where(p => p.EndsWith(".tcnt", StringComparison.Ordinal)));
        Assert.False(inventory.IsComplete);
        Assert.Contains("fw.bin: more than 3 embedded images found (--max-carved-images); only the first 3 were opened", inventory.Notes);
    }
}
