using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>
/// Reads at most a fixed number of an artifact's bytes. Firmware is hostile: a file that claims to be a small text file
/// may be gigabytes, so no detector reads an artifact whole.
/// </summary>
internal static class BoundedRead
{
    /// <summary>
    /// Only this many bytes of a file are searched for version strings (a kernel image or a program is far smaller); the
    /// rest of a larger file is not read, and <see cref="ScanWindow.StoppedAtLimit"/> tells the caller so.
    /// </summary>
    public const long MaxScanBytes = 64L * 1024 * 1024;

    /// <summary>Bytes kept from the end of one window at the start of the next, so a string cut by the boundary is still seen whole.</summary>
    public const int Overlap = 256;

    private const int WindowBytes = 1024 * 1024;

    /// <summary>The first <paramref name="max"/> bytes (fewer when the artifact is shorter); empty without content.</summary>
    public static byte[] Head(Artifact artifact, int max)
    {
        if (artifact.Content is not { } content)
        {
            return [];
        }

        using var stream = content.OpenRead();
        var buffer = new byte[artifact.Size > 0 ? (int)Math.Min(artifact.Size, max) : max];
        var total = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>The head decoded as UTF-8 (invalid bytes become U+FFFD, which sanitising shows as an escape).</summary>
    public static string Text(Artifact artifact, int max) => Encoding.UTF8.GetString(Head(artifact, max));

    /// <summary>
    /// The artifact's bytes as overlapping Latin-1 windows (one char per byte, so regular expressions can search binary
    /// content and offsets stay byte offsets), up to <see cref="MaxScanBytes"/>. Each window after the first starts
    /// <see cref="Overlap"/> bytes before the previous one ended, and exactly one window is marked last.
    /// </summary>
    public static IEnumerable<ScanWindow> Windows(Artifact artifact, CancellationToken cancellationToken)
    {
        if (artifact.Content is not { } content)
        {
            yield break;
        }

        using var stream = content.OpenRead();
        var buffer = new byte[WindowBytes + Overlap];
        var carried = 0;
        long offset = 0;
        long consumed = 0;
        var lastYielded = false;
        while (!lastYielded)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Filled whole unless the file ends: a stream may return fewer bytes per call.
            var read = stream.ReadAtLeast(buffer.AsSpan(carried, WindowBytes), WindowBytes, throwOnEndOfStream: false);
            if (read == 0)
            {
                // The previous window was full and the file ended right after it: its tail, which it left to this window,
                // is searched once more as the last window, so a string ending at the file's end is still accepted.
                if (consumed > 0)
                {
                    yield return new ScanWindow(Encoding.Latin1.GetString(buffer, 0, carried), offset, IsLast: true, StoppedAtLimit: false);
                }

                yield break;
            }

            consumed += read;
            var length = carried + read;
            var atLimit = consumed >= MaxScanBytes;
            // A short read means the file ended (ReadAtLeast only stops early at the end); at the limit, one more byte says
            // whether anything was left unread.
            lastYielded = read < WindowBytes || atLimit;
            var stopped = atLimit && stream.ReadByte() >= 0;
            yield return new ScanWindow(Encoding.Latin1.GetString(buffer, 0, length), offset, lastYielded, stopped);
            carried = Math.Min(Overlap, length);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
            offset += length - carried;
        }
    }
}
