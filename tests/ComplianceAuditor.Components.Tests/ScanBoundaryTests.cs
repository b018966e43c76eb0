using System.Text;
using ComplianceAuditor.Components.Reading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Files are searched in 1 MiB windows; a banner at a window's edge is read whole, never cut short.</summary>
public sealed class ScanBoundaryTests
{
    private const int Window = 1024 * 1024;

    [Fact]
    public void A_version_cut_by_the_first_window_end_is_read_whole_from_the_next_window()
    {
        using var temp = new TempDirectory();
        var banner = Encoding.ASCII.GetBytes("Mbed TLS 2.28.10\0");
        var bytes = new byte[Window + 4096];
        Fixture.Elf().CopyTo(bytes, 0);
        // "Mbed TLS 2.28.1" fills the first window's last 15 bytes; the final "0" is the second window's first new byte.
        banner.CopyTo(bytes, Window - 15);
        temp.Write("rootfs/usr/bin/agent", bytes);

        var mbedtls = Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "mbedtls");

        Assert.Equal("2.28.10", mbedtls.Version);
        Assert.Contains("at offset 0xffff1", mbedtls.Occurrences[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_banner_ending_a_file_of_exactly_one_window_is_found()
    {
        using var temp = new TempDirectory();
        var banner = Encoding.ASCII.GetBytes("Mbed TLS 3.5.1");
        var bytes = new byte[Window];
        Fixture.Elf().CopyTo(bytes, 0);
        // Nothing follows: the full window leaves its tail to a next window that has no new bytes.
        banner.CopyTo(bytes, Window - banner.Length);
        temp.Write("rootfs/usr/bin/agent", bytes);

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.Equal("3.5.1", Fixture.Single(result, "mbedtls").Version);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Windows_overlap_and_only_the_final_one_is_marked_last_even_when_the_stream_returns_little_per_read()
    {
        var artifact = new Core.Model.Artifact
        {
            Path = "agent",
            Target = "t",
            RelativePath = "agent",
            Kind = Core.Model.ArtifactKind.Elf,
            Size = (2 * Window) + 10,
            Content = new Trickle(new byte[(2 * Window) + 10]),
        };

        var windows = BoundedRead.Windows(artifact, CancellationToken.None).ToArray();

        // Each window starts Overlap bytes before the previous one ended.
        Assert.Equal([0L, Window - BoundedRead.Overlap, (2 * Window) - BoundedRead.Overlap], windows.Select(w => w.Offset));
        Assert.Equal([false, false, true], windows.Select(w => w.IsLast));
        Assert.All(windows, w => Assert.False(w.StoppedAtLimit));
        Assert.Equal((2 * Window) + 10, windows[^1].Offset + windows[^1].Text.Length);
    }

    /// <summary>Content whose stream hands out at most 1000 bytes a call, as a pipe or a decompressor may.</summary>
    private sealed class Trickle(byte[] bytes) : Core.Model.IArtifactContent
    {
        public Stream OpenRead() => new TrickleStream(bytes);
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1000)]);
    }
}
