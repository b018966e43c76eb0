using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>
/// The same source tree packed by mksquashfs 4.5.1 with every compressor we read, compared entry by entry with the
/// manifest build.sh wrote from the source tree and the pseudo definitions (never from an image).
/// </summary>
public sealed class ManifestTests
{
    private static readonly string[] ManifestLines = File.ReadAllLines(Images.Fixture("manifest.tsv"))
        .Where(line => !line.StartsWith('#'))
        .ToArray();

    /// <summary>Image, decompression threads, and whether xz and zstd may use the system's liblzma and libzstd.</summary>
    public static TheoryData<string, int, bool> Images_And_Threads() => new()
    {
        { "gzip.sqfs", 1, true },
        { "gzip.sqfs", 4, true },
        { "xz.sqfs", 1, true },
        { "xz.sqfs", 2, false },
        { "lzma.sqfs", 1, true },
        { "lz4.sqfs", 1, true },
        { "zstd.sqfs", 1, true },
        { "zstd.sqfs", 3, false },
        { "gzip-4k.sqfs", 1, true },
        { "gzip-4k.sqfs", 2, true },
        { "gzip-4k.sqfs", 4, true },
    };

    [Theory]
    [MemberData(nameof(Images_And_Threads))]
    public void Every_entry_matches_the_manifest(string image, int threads, bool systemLibraries)
    {
        var warnings = new List<string>();
        var reader = new SquashFsReader(threads, systemLibraries);
        var entries = Images.ReadAll(reader, Images.Source(Images.Fixture(image)), Images.Context(warnings));

        var actual = entries.Select(Describe).ToArray();
        Assert.Equal(ManifestLines, actual);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("gzip.sqfs")]
    [InlineData("gzip-4k.sqfs")]
    public void Content_length_agrees_with_the_declared_size(string image)
    {
        var entries = Images.ReadAll(new SquashFsReader(), Images.Source(Images.Fixture(image)));

        var files = entries.Where(e => e.Entry.Type == EntryType.File).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, e => Assert.Equal(e.Entry.Size, e.ContentLength));
    }

    [Fact]
    public void A_window_of_a_larger_file_reads_like_the_image_alone()
    {
        // As the driver sees a carved image: the squashfs bytes at an offset inside a file with other bytes around.
        using var temp = new ComplianceAuditor.Tests.Shared.TempDirectory();
        var image = File.ReadAllBytes(Images.Fixture("gzip-4k.sqfs"));
        var junk = new byte[1000];
        new Random(7).NextBytes(junk);
        var path = temp.Write("blob.bin", [.. junk, .. image, .. junk]);
        using var handle = File.OpenHandle(path);
        var source = UnpackSource.FromFile("blob.bin@1000", handle, junk.Length, image.Length);

        var actual = Images.ReadAll(new SquashFsReader(2), source).Select(Describe).ToArray();

        Assert.Equal(ManifestLines, actual);
    }

    private static string Describe(ReadEntry read)
    {
        var e = read.Entry;
        var isFile = e.Type == EntryType.File;
        var device = e.Device is { } d ? Images.Invariant($"{d.Major},{d.Minor}") : "-";
        return string.Join('\t',
            e.Path,
            Images.TypeName(e.Type),
            Images.Octal(e.Mode),
            Images.Invariant($"{e.Uid}"),
            Images.Invariant($"{e.Gid}"),
            isFile ? Images.Invariant($"{e.Size}") : "-",
            isFile ? read.Sha256 : "-",
            e.LinkTarget ?? "-",
            device);
    }
}
