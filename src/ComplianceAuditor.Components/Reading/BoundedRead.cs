using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>
/// Reads at most a fixed number of an artifact's bytes. Firmware is hostile: a file that claims to be a small text file
/// may be gigabytes, so no detector reads an artifact whole.
/// </summary>
internal static class BoundedRead
{
    /// <summary>Files larger than this are not scanned for version strings (a kernel image or a program is far smaller).</summary>
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
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>The head decoded as UTF-8 (invalid bytes become U+FFFD, which sanitising shows as an escape).</summary>
    public static string Text(Artifact artifact, int max) => Encoding.UTF8.GetString(Head(artifact, max));

    /// <summary>
    /// The artifact's bytes as overlapping Latin-1 windows (one char per byte, so regular expressions can search binary
    /// content and offsets stay byte offsets), up to <see cref="MaxScanBytes"/>.
    /// </summary>
    public static IEnumerable<(string Window, long Offset)> Windows(Artifact artifact, CancellationToken cancellationToken)
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
        while (consumed < MaxScanBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = stream.Read(buffer, carried, WindowBytes);
            if (read <= 0)
            {
                break;
            }

            consumed += read;
            var length = carried + read;
            yield return (Encoding.Latin1.GetString(buffer, 0, length), offset);
            carried = Math.Min(Overlap, length);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
            offset += length - carried;
        }
    }
}
