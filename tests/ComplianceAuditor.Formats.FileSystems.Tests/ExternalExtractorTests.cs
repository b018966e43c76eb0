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
}
