using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

public sealed class CarverTests
{
    private const int ChunkSize = 4 << 20;

    private static readonly FormatRegistry Formats = new FormatRegistry().AddFileSystem(new TestContainerReader()).AddImageLayout(new TestLayoutReader());

    private static IReadOnlyList<RecognizedImage> Carve(byte[] blob, int max = 256, FormatRegistry? formats = null) =>
        Carver.Find(formats ?? Formats, UnpackSource.FromBytes("blob", blob), max, CancellationToken.None);

    private static byte[] Container(string name) => new TestContainerBuilder().File(name, "content of " + name).Build();

    [Fact]
    public void Two_embedded_images_are_found_at_their_offsets_with_their_declared_lengths()
    {
        var container = Container("a");
        var layout = TestLayoutReader.Build(Blobs.Noise(300, seed: 2), 0x8000);
        var blob = Blobs.Noise(64 * 1024).Place(0x1000, container).Place(0x5000, layout);

        var images = Carve(blob);

        Assert.Equal(
            [("tcnt", 0x1000L, (long)container.Length, true), ("tlay", 0x5000L, (long)layout.Length, true)],
            images.Select(i => (i.Format.Format, i.Offset, i.Length, i.LengthKnown)));
    }

    [Fact]
    public void A_magic_whose_header_does_not_validate_is_not_taken()
    {
        var fake = "TCNT"u8.ToArray().Concat(Blobs.Noise(40, seed: 3)).ToArray();
        var badVersion = Container("a");
        badVersion[4] = 9;
        var real = Container("b");
        var blob = Blobs.Noise(32 * 1024).Place(0x100, fake).Place(0x800, badVersion).Place(0x2000, real);

        var images = Carve(blob);

        Assert.Equal([0x2000L], images.Select(i => i.Offset));
    }

    [Fact]
    public void An_image_inside_an_accepted_image_is_left_to_its_reader()
    {
        var inner = Container("inner");
        var outer = new TestContainerBuilder().File("before", Blobs.Noise(100, seed: 4)).File("inner.tcnt", inner).Build();
        var layoutWithContainer = TestLayoutReader.Build(Blobs.Noise(500, seed: 5).Place(0x80, inner), 0);
        var blob = Blobs.Noise(16 * 1024).Place(0x400, outer).Place(0x1400, layoutWithContainer);

        var images = Carve(blob);

        Assert.Equal([("tcnt", 0x400L), ("tlay", 0x1400L)], images.Select(i => (i.Format.Format, i.Offset)));
    }

    [Fact]
    public void An_image_without_a_declared_length_runs_to_the_next_image_of_another_format_or_the_end()
    {
        var unknown = new TestContainerBuilder { DeclareLength = false }.File("a", "x").Build();
        var layout = TestLayoutReader.Build(Blobs.Noise(300, seed: 3), 0x8000);
        var blob = Blobs.Noise(16 * 1024).Place(0x100, unknown).Place(0x3000, layout).Place(0x3800, unknown);

        var images = Carve(blob);

        Assert.Equal(
            [(0x100L, 0x3000L - 0x100, false), (0x3000L, layout.Length, true), (0x3800L, blob.Length - 0x3800L, false)],
            images.Select(i => (i.Offset, i.Length, i.LengthKnown)));
    }

    [Fact]
    public void Later_magic_numbers_of_an_open_ended_image_are_its_own_content_not_new_images()
    {
        // jffs2 is the real case: every node of the file system starts with the format's magic number.
        var unknown = new TestContainerBuilder { DeclareLength = false }.File("a", "x").Build();
        var blob = Blobs.Noise(16 * 1024).Place(0x100, unknown).Place(0x3000, Container("b")).Place(0x3800, unknown);

        var image = Assert.Single(Carve(blob));

        Assert.Equal((0x100L, blob.Length - 0x100L, false), (image.Offset, image.Length, image.LengthKnown));
    }

    [Fact]
    public void A_header_claiming_more_than_the_blob_holds_is_clipped_to_the_blob()
    {
        var container = Container("a");
        var blob = Blobs.Noise(4096).Place(4096 - 30, container[..30]);

        var image = Assert.Single(Carve(blob));

        Assert.Equal((4096L - 30, 30L), (image.Offset, image.Length));
        Assert.True(image.LengthKnown);
    }

    [Theory]
    [InlineData(ChunkSize - 4)]
    [InlineData(ChunkSize - 3)]
    [InlineData(ChunkSize - 2)]
    [InlineData(ChunkSize - 1)]
    [InlineData(ChunkSize)]
    [InlineData(ChunkSize + 1)]
    public void A_magic_at_or_across_the_chunk_border_is_found_exactly_once(int offset)
    {
        var container = Container("border");
        var blob = Blobs.Noise(ChunkSize + (64 * 1024)).Place(0x10, container).Place(offset, container).Place(ChunkSize + 0x8000, container);

        var images = Carve(blob);

        Assert.Equal([0x10L, offset, ChunkSize + 0x8000L], images.Select(i => i.Offset));
        Assert.All(images, i => Assert.Equal(container.Length, i.Length));
    }

    [Fact]
    public void Carving_stops_at_the_maximum_number_of_images()
    {
        var container = Container("many");
        var blob = Blobs.Noise(64 * 1024);
        for (var i = 0; i < 10; i++)
        {
            blob.Place(0x1000 * (i + 1), container);
        }

        Assert.Equal(10, Carve(blob).Count);
        Assert.Equal([0x1000L, 0x2000, 0x3000, 0x4000], Carve(blob, max: 4).Select(i => i.Offset));
    }

    [Fact]
    public void A_magic_that_sits_inside_the_image_gives_the_image_start_and_a_start_before_the_blob_is_dropped()
    {
        // A format whose magic sits 8 bytes into its header, as squashfs legacy or ext's superblock magic do.
        var reader = new DelegateReader(
            "inner-magic",
            (head, _) => head.Length >= 12 && head[8..12].SequenceEqual("MGIC"u8) ? new FormatMatch(64, "inner magic") : null,
            magics: []);
        var formats = new FormatRegistry().AddFileSystem(new OffsetSignatureReader(reader, 8));
        var blob = Blobs.Noise(8192).Place(4, "MGIC"u8.ToArray()).Place(0x200 + 8, "MGIC"u8.ToArray());

        var images = Carve(blob, formats: formats);

        Assert.Equal([(0x200L, 64L)], images.Select(i => (i.Offset, i.Length)));
    }

    [Fact]
    public void When_two_formats_accept_the_same_start_the_first_registered_wins_everywhere()
    {
        // Two readers for the same magic (like two generations of one file system); registration order decides.
        var image = Container("same");
        Identifier accept = (head, _) => head.StartsWith("TCNT"u8) ? new FormatMatch(image.Length, "") : null;
        var formats = new FormatRegistry()
            .AddFileSystem(new DelegateReader("preferred", accept, magics: "TCNT"u8.ToArray()))
            .AddFileSystem(new DelegateReader("fallback", accept, magics: "TCNT"u8.ToArray()));
        var blob = Blobs.Noise(65 * 0x1000);
        for (var i = 0; i < 64; i++)
        {
            blob.Place(0x1000 * (i + 1), image);
        }

        var images = Carve(blob, formats: formats);

        Assert.Equal(64, images.Count);
        Assert.All(images, i => Assert.Equal("preferred", i.Format.Format));
    }

    [Fact]
    public void Carving_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var blob = Blobs.Noise(1024).Place(0x100, Container("a"));

        Assert.ThrowsAny<OperationCanceledException>(() => Carver.Find(Formats, UnpackSource.FromBytes("blob", blob), 10, cancelled.Token));
    }

    /// <summary>Gives a reader a signature whose magic sits <c>offset</c> bytes into the image.</summary>
    private sealed class OffsetSignatureReader(IFormatReader inner, int offset) : IFormatReader
    {
        public string Format => inner.Format;

        public string Extractor => inner.Extractor;

        public IReadOnlyList<FormatSignature> Signatures { get; } = [new("MGIC"u8.ToArray(), offset)];

        public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) => inner.Identify(head, available);

        public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) => inner.Read(source, context);
    }
}
