using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>The opener on its own: what a report line says, and what it makes of readers that break.</summary>
public sealed class ContainerOpenerTests
{
    /// <summary>Opens the image and collects the entries the opener hands over.</summary>
    private static (ContainerResult Result, List<ExtractedItem> Items) Open(IFormatReader reader, byte[] data, PrivateWorkFolder work, UnpackLimits? limits = null)
    {
        var formats = new FormatRegistry().AddFileSystem(reader);
        var source = UnpackSource.FromBytes("fw.bin", data);
        var image = Recognizer.AtStart(formats, source) ?? throw new InvalidOperationException("not recognised");
        var items = new List<ExtractedItem>();
        var result = new ContainerOpener(new UnpackBudget(limits ?? new UnpackLimits()), work, work.CreateScratch).Open(image, source, "fw.bin", items.Add, CancellationToken.None);
        return (result, items);
    }

    [Fact]
    public void The_report_counts_entries_and_the_bytes_really_read()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var data = new TestContainerBuilder().Directory("etc").File("etc/a", new byte[1000]).Repeat("b", 7, 5000).Symlink("c", "a").Build();

        var (result, items) = Open(new TestContainerReader(), data, work);

        Assert.Equal(
            ("tcnt", "native", "test container, 4 entries", ContainerStatus.Opened, 4, 6000L, (string?)null),
            (result.Report.Format, result.Report.Extractor, result.Report.Description, result.Report.Status, result.Report.Entries, result.Report.BytesExtracted, result.Report.Reason));
        Assert.False(result.Incomplete);
        Assert.Equal(["etc", "etc/a", "b", "c"], items.Select(i => i.Path));
        Assert.Equal(6000, items.Where(i => i.LocalPath is not null).Sum(i => new FileInfo(i.LocalPath!).Length));
    }

    [Fact]
    public void Entries_can_be_taken_one_by_one_as_they_are_extracted_instead_of_listed()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var data = new TestContainerBuilder().Directory("etc").File("etc/a", new byte[1000]).Repeat("b", 7, 5000).Symlink("c", "a").Build();
        var formats = new FormatRegistry().AddFileSystem(new TestContainerReader());
        var source = UnpackSource.FromBytes("fw.bin", data);
        var image = Recognizer.AtStart(formats, source)!;
        var taken = new List<(string Path, bool Written)>();

        var result = new ContainerOpener(new UnpackBudget(new UnpackLimits()), work, work.CreateScratch)
            .Open(image, source, "fw.bin", item => taken.Add((item.Path, item.LocalPath is not null && File.Exists(item.LocalPath))), CancellationToken.None);

        Assert.Equal([("etc", false), ("etc/a", true), ("b", true), ("c", false)], taken);
        Assert.Equal((ContainerStatus.Opened, 4, 6000L), (result.Report.Status, result.Report.Entries, result.Report.BytesExtracted));
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(IOException))] // which from a reader would mean a broken image
    public void A_failure_of_the_callers_own_code_is_not_taken_for_a_broken_container(Type failure)
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var data = new TestContainerBuilder().File("a", new byte[10]).File("b", new byte[10]).Build();
        var formats = new FormatRegistry().AddFileSystem(new TestContainerReader());
        var source = UnpackSource.FromBytes("fw.bin", data);
        var image = Recognizer.AtStart(formats, source)!;
        var opener = new ContainerOpener(new UnpackBudget(new UnpackLimits()), work, work.CreateScratch);

        var thrown = Assert.Throws(failure, () => opener.Open(image, source, "fw.bin", _ => throw (Exception)Activator.CreateInstance(failure, "bug in the caller")!, CancellationToken.None));

        Assert.Equal("bug in the caller", thrown.Message);
    }

    [Fact]
    public void A_declared_size_is_not_trusted_the_bytes_read_are()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var liar = DelegateReader.Listing("liar", new UnpackedEntry { Path = "small", Type = EntryType.File, Size = 10, Open = () => new RepeatStream(1, 300_000) });

        var (_, items) = Open(liar, new byte[100], work, new UnpackLimits { MaxFileBytes = 100_000 });

        var item = Assert.Single(items);
        Assert.Null(item.LocalPath);
        Assert.Contains("'small' is larger than the limit of 100000 bytes", item.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_crashes_on_a_malformed_image_fails_that_container_not_the_audit()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var table = new int[2];
        var buggy = new DelegateReader("buggy", (_, _) => new FormatMatch(null, "buggy"), (_, _) => Entries());

        IEnumerable<UnpackedEntry> Entries()
        {
            for (var i = 0; i < 3; i++)
            {
                // An index taken from the image without a bound check, as a careless reader (or library) does.
                yield return new UnpackedEntry { Path = $"entry{table[i * 2]}", Type = EntryType.Directory };
            }
        }

        var (result, _) = Open(buggy, new byte[100], work);

        Assert.Equal((ContainerStatus.Partial, 1), (result.Report.Status, result.Report.Entries));
        Assert.Contains(nameof(IndexOutOfRangeException), result.Report.Reason, StringComparison.Ordinal);
        Assert.True(result.Incomplete);
    }

    [Fact]
    public void A_file_without_content_is_kept_with_the_reason()
    {
        using var temp = new TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(temp.Path);
        var reader = DelegateReader.Listing("nocontent", new UnpackedEntry { Path = "sparse", Type = EntryType.File, Size = 10 });

        var (_, items) = Open(reader, new byte[100], work);

        var item = Assert.Single(items);
        Assert.Equal(("sparse", (string?)null, "the container gives no content for this file"), (item.Path, item.LocalPath, item.Problem));
    }
}
