using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>What a container's outcome says when its reader fails, cannot run here, or hands over to another.</summary>
public sealed class ContainerOutcomeTests
{
    [Fact]
    public void A_reader_failing_after_two_entries_gives_a_partial_container_with_both_kept()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().File("one", "1").File("two", "2").Corrupt().File("three", "3").Build();

        var inventory = ws.Audit(firmware);

        var container = inventory.Root.Container!;
        Assert.Equal(("partial", 2), (container.Status, container.Entries));
        Assert.Matches("^tcnt: entry table at 0x[0-9a-f]+ is corrupt$", container.Reason);
        Assert.Equal(["fw.bin", "fw.bin!/one", "fw.bin!/two"], inventory.Paths());
        Assert.False(inventory.IsComplete);
        Assert.Contains(inventory.Notes, n => n.StartsWith("fw.bin: tcnt partial: tcnt: entry table at", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reader_failing_before_any_entry_gives_a_failed_container()
    {
        using var ws = new Workspace();

        var inventory = ws.Audit(new TestContainerBuilder().Corrupt().File("never", "x").Build());

        Assert.Equal(("failed", 0), (inventory.Root.Container!.Status, inventory.Root.Container.Entries));
        Assert.Equal(["fw.bin"], inventory.Paths());
        Assert.False(inventory.IsComplete);
    }

    [Fact]
    public void A_reader_that_cannot_run_here_gives_an_unavailable_container_with_its_message()
    {
        using var ws = new Workspace();
        const string Message = "tcnt needs 'tcnt-tools' (apt install tcnt-tools)";

        var inventory = ws.Audit(new TestContainerBuilder().Unavailable(Message).Build());

        Assert.Equal(("unavailable", Message, 0), (inventory.Root.Container!.Status, inventory.Root.Container.Reason, inventory.Root.Container.Entries));
        Assert.False(inventory.IsComplete);
        Assert.Contains($"fw.bin: tcnt unavailable: {Message}", inventory.Notes);

        var partial = ws.Audit(new TestContainerBuilder().File("first", "1").Unavailable(Message).Build());
        Assert.Equal(("partial", Message), (partial.Root.Container!.Status, partial.Root.Container.Reason));
    }

    [Fact]
    public void When_the_first_reader_cannot_run_here_the_next_reader_accepting_the_bytes_opens_them()
    {
        using var ws = new Workspace();
        const string Message = "install 'tcnt-tools'";
        var tcnt = new TestContainerReader();
        Identifier identify = (head, available) => tcnt.Identify(head, available);
        var unavailable = new DelegateReader("tcnt-external", identify, (_, _) => throw new ReaderUnavailableException(Message));
        var alsoUnavailable = new DelegateReader("tcnt-other", identify, (_, _) => throw new ReaderUnavailableException("no"));
        var formats = new FormatRegistry().AddFileSystem(unavailable).AddFileSystem(alsoUnavailable).AddFileSystem(tcnt);

        var inventory = ws.Audit(new TestContainerBuilder().File("etc/passwd", "root::0:0\n").Build(), formats: formats);

        Assert.Equal(["fw.bin", "fw.bin!/etc/passwd"], inventory.Paths());
        var container = inventory.Root.Container!;
        Assert.Equal(("tcnt", "opened", 1), (container.Format, container.Status, container.Entries));
        Assert.Contains($"tcnt-external: {Message}", container.Description, StringComparison.Ordinal);
        Assert.Equal("tcnt (native)", inventory.Get("fw.bin!/etc/passwd").ExtractedBy);
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void When_no_reader_can_run_here_the_first_ones_reason_is_kept()
    {
        using var ws = new Workspace();
        var tcnt = new TestContainerReader();
        Identifier identify = (head, available) => tcnt.Identify(head, available);
        var formats = new FormatRegistry()
            .AddFileSystem(new DelegateReader("first", identify, (_, _) => throw new ReaderUnavailableException("install first")))
            .AddFileSystem(new DelegateReader("second", identify, (_, _) => throw new ReaderUnavailableException("install second")));

        var inventory = ws.Audit(new TestContainerBuilder().File("a", "x").Build(), formats: formats);

        Assert.Equal(("first", "unavailable", "install first"), (inventory.Root.Container!.Format, inventory.Root.Container.Status, inventory.Root.Container.Reason));
        Assert.False(inventory.IsComplete);
    }

    [Fact]
    public void A_content_stream_failing_midway_gives_an_unreadable_artifact_and_the_container_goes_on()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().BrokenFile("broken.bin", Blobs.Noise(100_000, seed: 13)).File("after", "still read\n").Build();

        var inventory = ws.Audit(firmware);

        var broken = inventory.Get("fw.bin!/broken.bin");
        Assert.Equal((ArtifactKind.Unreadable, "", (IArtifactContent?)null), (broken.Kind, broken.Sha256, broken.Content));
        Assert.Contains(FailingStream.Message, broken.Note, StringComparison.Ordinal);
        Assert.Equal("still read\n", Encoding.UTF8.GetString(inventory.Get("fw.bin!/after").Bytes()));
        Assert.Equal(("opened", 2), (inventory.Root.Container!.Status, inventory.Root.Container.Entries));
        Assert.False(inventory.IsComplete);
        Assert.Contains(inventory.Notes, n => n.StartsWith("fw.bin: 'broken.bin' could not be read: ", StringComparison.Ordinal) && n.Contains(FailingStream.Message, StringComparison.Ordinal));

        // The half-written copy is gone: only the readable file is left in the work folder.
        Assert.Single(Directory.EnumerateFiles(ws.Work.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_file_whose_content_cannot_be_opened_is_unreadable_and_the_container_goes_on()
    {
        using var ws = new Workspace();
        var firmware = new TestContainerBuilder().OpenFails("packed.bin").File("after", "still read\n").Build();

        var inventory = ws.Audit(firmware);

        var packed = inventory.Get("fw.bin!/packed.bin");
        Assert.Equal(ArtifactKind.Unreadable, packed.Kind);
        Assert.Contains("unknown compression method", packed.Note, StringComparison.Ordinal);
        Assert.True(inventory.Has("fw.bin!/after"));
        Assert.Equal(("opened", 2), (inventory.Root.Container!.Status, inventory.Root.Container.Entries));
        Assert.False(inventory.IsComplete);
        Assert.Single(Directory.EnumerateFiles(ws.Work.Path, "*", SearchOption.AllDirectories));
    }
}
