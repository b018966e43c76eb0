using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

public sealed class RecognizerTests
{
    private static readonly byte[] Data = [.. "DATA"u8, .. new byte[60]];

    private static DelegateReader Accepting(string format, long? length = null) => new(format, (_, _) => new FormatMatch(length, format + " image"));

    [Fact]
    public void The_first_registered_reader_that_accepts_wins()
    {
        var rejecting = new DelegateReader("never", (_, _) => null);
        var formats = new FormatRegistry().AddFileSystem(rejecting).AddFileSystem(Accepting("first")).AddImageLayout(Accepting("second"));

        var image = Recognizer.AtStart(formats, UnpackSource.FromBytes("x", Data));

        Assert.NotNull(image);
        Assert.Equal("first", image.Format.Format);
        Assert.Equal("first image", image.Description);
        Assert.Equal(0, image.Offset);
        Assert.False(image.Format.CarveChildren);

        var swapped = new FormatRegistry().AddImageLayout(Accepting("second")).AddFileSystem(Accepting("first"));
        Assert.Equal("second", Recognizer.AtStart(swapped, UnpackSource.FromBytes("x", Data))?.Format.Format);
    }

    [Fact]
    public void No_reader_accepting_means_no_image()
    {
        var formats = new FormatRegistry().AddFileSystem(new TestContainerReader()).AddImageLayout(new TestLayoutReader());

        Assert.Null(Recognizer.AtStart(formats, UnpackSource.FromBytes("x", Data)));
        Assert.Null(Recognizer.AtStart(formats, UnpackSource.FromBytes("empty", Array.Empty<byte>())));
    }

    /// <summary>Ways a careless Identify fails: the runtime's own exceptions happen for real, the others are thrown.</summary>
    private static FormatMatch? Fail(string how, ReadOnlySpan<byte> head) => how switch
    {
        "index" => head[head.Length + 1] == 0 ? null : null,
        "null" => new FormatMatch(null, Unset!.ToUpperInvariant()),
        "argument" => throw new ArgumentOutOfRangeException(nameof(head)),
        "operation" => throw new InvalidOperationException(how),
        "overflow" => checked(new FormatMatch(int.MaxValue + head.Length + int.MaxValue + int.MaxValue, how)),
        "unpack" => throw new UnpackException("header at 0x0 is truncated"),
        "data" => throw new InvalidDataException(how),
        "end" => throw new EndOfStreamException(how),
        "notsupported" => throw new NotSupportedException(how),
        _ => throw new FormatException(how),
    };

    private static readonly string? Unset = Environment.GetEnvironmentVariable("COMPLIANCE_AUDITOR_TEST_UNSET_" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("index")]
    [InlineData("null")]
    [InlineData("argument")]
    [InlineData("operation")]
    [InlineData("overflow")]
    [InlineData("unpack")]
    [InlineData("data")]
    [InlineData("end")]
    [InlineData("notsupported")]
    [InlineData("format")]
    public void A_reader_whose_Identify_throws_is_no_match_and_the_next_reader_is_asked(string how)
    {
        var throwing = new DelegateReader("throws", (head, _) => Fail(how, head));
        var formats = new FormatRegistry().AddFileSystem(throwing).AddFileSystem(Accepting("next"));

        Assert.Equal("next", Recognizer.AtStart(formats, UnpackSource.FromBytes("x", Data))?.Format.Format);
        Assert.Null(Recognizer.AtStart(new FormatRegistry().AddFileSystem(throwing), UnpackSource.FromBytes("x", Data)));
    }

    [Fact]
    public void A_declared_length_is_kept_when_it_fits_and_clipped_to_the_data_when_it_does_not()
    {
        var fits = Recognizer.AtStart(new FormatRegistry().AddFileSystem(Accepting("a", length: 40)), UnpackSource.FromBytes("x", Data));
        var tooLong = Recognizer.AtStart(new FormatRegistry().AddFileSystem(Accepting("a", length: 1_000_000)), UnpackSource.FromBytes("x", Data));

        Assert.Equal((40L, true), (fits!.Length, fits.LengthKnown));
        Assert.Equal((Data.LongLength, true), (tooLong!.Length, tooLong.LengthKnown));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void An_image_without_a_usable_length_is_flagged_unknown_and_runs_to_the_end(long? declared)
    {
        var image = Recognizer.AtStart(new FormatRegistry().AddFileSystem(Accepting("a", declared)), UnpackSource.FromBytes("x", Data));

        Assert.False(image!.LengthKnown);
        Assert.Equal(Data.Length, image.Length);
    }

    [Fact]
    public void Identify_sees_the_first_64_KiB_and_the_bytes_available()
    {
        var seen = (Head: -1, Available: -1L);
        var reader = new DelegateReader("probe", (head, available) =>
        {
            seen = (head.Length, available);
            return null;
        });
        var formats = new FormatRegistry().AddFileSystem(reader);

        Recognizer.AtStart(formats, UnpackSource.FromBytes("big", new byte[200_000]));
        Assert.Equal((FormatSignature.HeadBytes, 200_000L), seen);

        Recognizer.AtStart(formats, UnpackSource.FromBytes("small", new byte[100]));
        Assert.Equal((100, 100L), seen);
    }

    [Fact]
    public void The_test_container_header_is_validated_not_just_its_magic()
    {
        var formats = new FormatRegistry().AddFileSystem(new TestContainerReader());
        var good = new TestContainerBuilder().File("a", "x").Build();
        var badVersion = (byte[])good.Clone();
        badVersion[4] = 7;

        Assert.NotNull(Recognizer.AtStart(formats, UnpackSource.FromBytes("good", good)));
        Assert.Null(Recognizer.AtStart(formats, UnpackSource.FromBytes("bad", badVersion)));
        Assert.Null(Recognizer.AtStart(formats, UnpackSource.FromBytes("magic only", "TCNT"u8.ToArray())));
    }
}
