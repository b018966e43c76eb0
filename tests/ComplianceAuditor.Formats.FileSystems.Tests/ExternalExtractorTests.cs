using System.Diagnostics;
using System.Globalization;
using ComplianceAuditor.Formats.FileSystems.External;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class ExternalExtractorTests
{
    private static readonly byte[] Image = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))];

    [Fact]
    public void Reports_what_the_program_wrote_and_passes_it_the_whole_image()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            set -e
            mkdir -p "$2/etc/init.d" "$2/var"
            cp "$1" "$2/etc/image-copy"
            printf 'echo hello\n' > "$2/etc/init.d/rcS"
            chmod 4755 "$2/etc/init.d/rcS"
            mkfifo "$2/var/fifo"
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);

        var entries = Run(extractor, temp, out _);

        Assert.Equal(["etc", "var", "etc/image-copy", "etc/init.d", "etc/init.d/rcS", "var/fifo"], entries.Select(e => e.Path));
        var copy = entries.Single(e => e.Path == "etc/image-copy");
        Assert.Equal((EntryType.File, (long)Image.Length), (copy.Type, copy.ContentLength!.Value));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Image)), copy.Sha256);
        Assert.Equal(Convert.ToInt32("4755", 8), entries.Single(e => e.Path == "etc/init.d/rcS").Mode);

        // A FIFO is reported by type and never opened (opening it would block).
        var fifo = entries.Single(e => e.Path == "var/fifo");
        Assert.Equal(EntryType.Fifo, fifo.Type);
        Assert.Null(fifo.ContentLength);
    }

    [Fact]
    public void Symlinks_the_program_writes_are_reported_and_never_followed()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            set -e
            ln -s /etc/passwd "$2/passwd-outside"
            ln -s / "$2/root-outside"
            ln -s ../../.. "$2/up"
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);

        var entries = Run(extractor, temp, out _);

        Assert.Equal(
            [("passwd-outside", "/etc/passwd"), ("root-outside", "/"), ("up", "../../..")],
            entries.Select(e => (e.Path, e.LinkTarget!)));
        Assert.All(entries, e => Assert.Equal(EntryType.Symlink, e.Type));
        Assert.All(entries, e => Assert.Null(e.ContentLength));
    }

    [Fact]
    public void A_program_that_hangs_is_killed_with_its_children_at_the_time_limit()
    {
        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "child.pid");
        var program = FakeProgram.Write(temp, "fake-extract", $"""
            sleep 120 &
            echo $! > '{pidFile}'
            wait
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var limits = new UnpackLimits { ExternalTimeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<UnpackException>(() => Run(extractor, temp, out _, limits));

        Assert.Contains("did not finish within 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(IsGone(child), $"the child process {child} still runs");
    }

    [Fact]
    public void Cancelling_the_audit_stops_the_program()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", "sleep 120");
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var context = UnpackContext.ForTesting(temp.Path, cancellationToken: cancel.Token);
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(
            () => extractor.Extract(UnpackSource.FromBytes("image", Image), context, (i, o) => [i, o], "absent").ToList());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
    }

    [Fact]
    public void A_failing_program_gives_its_exit_code_and_the_tail_of_its_errors()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            i=0
            while [ $i -lt 2000 ]; do echo "progress line $i"; echo "noise $i" >&2; i=$((i+1)); done
            echo "error: bad superblock at 0x40" >&2
            exit 3
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);

        var error = Assert.Throws<UnpackException>(() => Run(extractor, temp, out _));

        Assert.Contains("fake-extract failed on image with exit code 3", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("error: bad superblock at 0x40", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("noise 0\n", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1000, "the output is bounded");
    }

    [Theory]
    [InlineData(1000, 64L << 20, 1L << 20, 1L << 20, "--max-unpack-bytes")] // the total limit is the tighter one
    [InlineData(2, 100_000, 8L << 30, 600_000, "--max-unpack-ratio")] // twice the 300,000-byte image
    [InlineData(2, 1L << 20, 8L << 30, 1L << 20, "--max-unpack-ratio")] // the ratio's floor lifts it above twice the image
    public void A_program_that_writes_past_the_byte_budget_is_killed_while_it_writes(
        double maxRatio, long ratioFloor, long maxTotal, long budget, string option)
    {
        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "writer.pid");
        var program = FakeProgram.Write(temp, "fake-extract", $"""
            ( while :; do head -c 65536 /dev/zero >> "$2/bomb"; done ) &
            echo $! > '{pidFile}'
            wait
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var limits = new UnpackLimits { MaxRatio = maxRatio, RatioFloorBytes = ratioFloor, MaxTotalBytes = maxTotal };
        var context = ProbedContext(temp, out var probe, limits);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<UnpackException>(() => Consume(extractor, context));

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"fake-extract wrote more than {budget} bytes, the limit set by {option} for this image; it was stopped"),
            error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        var writer = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(IsGone(writer), $"the writing process {writer} still runs");
        Assert.False(Directory.Exists(probe.Folder), "the scratch folder is deleted");
    }

    [Fact]
    public void A_program_that_writes_too_many_files_is_killed()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            mkdir "$2/d"
            i=0
            while :; do : > "$2/d/f$i"; i=$((i+1)); done
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var context = ProbedContext(temp, out var probe, new UnpackLimits { MaxFiles = 50 });
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<UnpackException>(() => Consume(extractor, context));

        Assert.Equal("fake-extract wrote more than 50 files and folders, the limit set by --max-unpack-files; it was stopped", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.False(Directory.Exists(probe.Folder), "the scratch folder is deleted");
    }

    [Fact]
    public void Output_past_the_budget_is_refused_even_when_the_program_exits_before_a_check()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """head -c 2000000 /dev/zero > "$2/big" """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var context = ProbedContext(temp, out _, new UnpackLimits { MaxRatio = 2, RatioFloorBytes = 0 });

        var error = Assert.Throws<UnpackException>(() => Consume(extractor, context));

        Assert.StartsWith("fake-extract wrote more than 600000 bytes, the limit set by --max-unpack-ratio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_copy_goes_when_the_program_exits_and_the_scratch_folder_when_the_enumeration_ends()
    {
        using var temp = new TempDirectory();
        var outside = temp.Write(Path.Combine("outside", "keep.txt"), "not the extractor's");
        var program = FakeProgram.Write(temp, "fake-extract", $"""
            set -e
            mkdir -p "$2/etc"
            cp "$1" "$2/etc/image-copy"
            ln -s '{Path.GetDirectoryName(outside)}' "$2/outside-folder"
            ln -s '{outside}' "$2/outside-file"
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var context = ProbedContext(temp, out var probe);

        using (var entries = extractor.Extract(UnpackSource.FromBytes("image", Image), context, (i, o) => [i, o], "absent").GetEnumerator())
        {
            Assert.True(entries.MoveNext());
            Assert.False(File.Exists(Path.Combine(probe.Folder!, "image.bin")), "the image copy is deleted once the program exits");
            Assert.True(Directory.Exists(Path.Combine(probe.Folder!, "extracted")));
            var paths = new List<string> { entries.Current.Path };
            while (entries.MoveNext())
            {
                var entry = ExtractedEntry.From(entries.Current);
                paths.Add(entry.Path);
                if (entry.Path == "etc/image-copy")
                {
                    Assert.Equal(Image.Length, entry.ContentLength);
                }
            }

            Assert.Equal(["etc", "outside-file", "outside-folder", "etc/image-copy"], paths);
        }

        Assert.False(Directory.Exists(probe.Folder), "the scratch folder is deleted");

        // The links were removed, not followed.
        Assert.Equal("not the extractor's", File.ReadAllText(outside));
    }

    [Fact]
    public void Abandoning_the_enumeration_early_deletes_the_scratch_folder()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            set -e
            mkdir -p "$2/a/b"
            echo one > "$2/a/b/one"
            echo two > "$2/two"
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var context = ProbedContext(temp, out var probe);

        var first = extractor.Extract(UnpackSource.FromBytes("image", Image), context, (i, o) => [i, o], "absent").First();

        Assert.Equal("a", first.Path);
        Assert.False(Directory.Exists(probe.Folder), "the scratch folder is deleted");
    }

    [Fact]
    public void A_failing_program_leaves_neither_the_image_copy_nor_its_output()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """
            echo partial > "$2/partial"
            echo "error: bad superblock" >&2
            exit 1
            """);
        var extractor = new ExternalExtractor("fake-extract", _ => program);
        var context = ProbedContext(temp, out var probe);

        var error = Assert.Throws<UnpackException>(() => Consume(extractor, context));

        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.NotNull(probe.Folder);
        Assert.False(Directory.Exists(probe.Folder), "the scratch folder is deleted");
    }

    [Fact]
    public void An_absent_program_is_reported_as_unavailable_before_anything_runs()
    {
        using var temp = new TempDirectory();
        var extractor = new ExternalExtractor("fake-extract", _ => null);

        var error = Assert.Throws<ReaderUnavailableException>(() => extractor.Extract(
            UnpackSource.FromBytes("image", Image), UnpackContext.ForTesting(temp.Path), (i, o) => [i, o], "install fake-extract"));

        Assert.Equal("install fake-extract", error.Message);
        Assert.Equal("fake-extract", extractor.Description);
    }

    [Fact]
    public void The_description_carries_the_version_the_program_prints()
    {
        using var temp = new TempDirectory();
        var program = FakeProgram.Write(temp, "fake-extract", """[ "$1" = "-V" ] && echo "fake-extract V1.2.3 (built today)" """);

        Assert.Equal("fake-extract 1.2.3", new ExternalExtractor("fake-extract", _ => program, ["-V"]).Description);
    }

    [Fact]
    public void The_path_lookup_finds_executables_only()
    {
        Assert.NotNull(ProgramLocator.FindOnPath("sh"));
        Assert.Null(ProgramLocator.FindOnPath("no-such-program-" + Guid.NewGuid().ToString("N")));
    }

    private static List<ExtractedEntry> Run(ExternalExtractor extractor, TempDirectory temp, out List<string> warnings, UnpackLimits? limits = null)
    {
        warnings = [];
        var context = UnpackContext.ForTesting(Path.Combine(temp.Path, "scratch"), warnings, limits);
        return [.. extractor.Extract(UnpackSource.FromBytes("image", Image), context, (image, output) => [image, output], "absent")
            .Select(ExtractedEntry.From)];
    }

    private static void Consume(ExternalExtractor extractor, UnpackContext context) =>
        _ = extractor.Extract(UnpackSource.FromBytes("image", Image), context, (image, output) => [image, output], "absent")
            .Select(ExtractedEntry.From).ToList();

    /// <summary>A context that remembers the scratch folder it handed out, so a test can check it was deleted.</summary>
    private static UnpackContext ProbedContext(TempDirectory temp, out ScratchProbe probe, UnpackLimits? limits = null)
    {
        var handedOut = new ScratchProbe();
        probe = handedOut;
        return new UnpackContext(
            limits ?? new UnpackLimits(),
            () => handedOut.Folder = Directory.CreateDirectory(Path.Combine(temp.Path, "scratch", Guid.NewGuid().ToString("N"))).FullName,
            _ => { },
            CancellationToken.None);
    }

    /// <summary>True once the process has exited (a zombie waiting to be reaped counts as gone).</summary>
    private static bool IsGone(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var status = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "stat");
            try
            {
                var state = File.ReadAllText(status).Split(") ")[1][0];
                if (state is 'Z' or 'X')
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private sealed class ScratchProbe
    {
        public string? Folder { get; set; }
    }
}
