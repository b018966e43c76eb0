using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Reading;

/// <summary>
/// Reads an artifact as an update image: probes its first and last bytes, and only for a plausible candidate
/// reads it whole and asks each registered format in turn. The first format that recognises it wins.
/// </summary>
internal static class UpdateImageReader
{
    /// <summary>
    /// Update images are read whole to be verified; larger candidates are reported, not read. Device images and
    /// bundles in the corpus are a few megabytes; 64 MiB bounds memory per parallel check.
    /// </summary>
    public const long MaxImageBytes = 64L << 20;

    public static UpdateReading Read(Artifact artifact, IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors)
    {
        if (artifact.Content is not { } content || artifact.Size < 4)
        {
            return UpdateReading.None;
        }

        var name = System.IO.Path.GetFileName(artifact.RelativePath);
        try
        {
            using var stream = content.OpenRead();
            var head = new byte[(int)Math.Min(UpdateFormatProbe.HeadBytes, artifact.Size)];
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
            var tail = Tail(content, artifact.Size);
            if (!UpdateFormatProbe.MightBeUpdate(head, tail, name, artifact.Size))
            {
                return UpdateReading.None;
            }

            if (artifact.Size > MaxImageBytes)
            {
                return new UpdateReading(null, string.Create(CultureInfo.InvariantCulture,
                    $"the file looks like an update image but is {artifact.Size} bytes, more than the {MaxImageBytes >> 20} MiB read for verification"));
            }

            var bytes = ReadAll(content, artifact.Size);
            var input = new UpdateInput(bytes, name, anchors);
            foreach (var format in formats)
            {
                if (format.Inspect(input) is { } inspection)
                {
                    return new UpdateReading(inspection, null);
                }
            }

            return UpdateReading.None;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UpdateReading(null, $"the file could not be read: {IoErrors.Describe(e)}");
        }
    }

    /// <summary>
    /// The last bytes, where trailer formats (OpenWrt's fwtool) keep their magic. Only seekable content is asked:
    /// reading a stream inside a compressed container to its end for every file would cost more than the probe saves.
    /// </summary>
    private static byte[] Tail(IArtifactContent content, long size)
    {
        using var stream = content.OpenRead();
        if (size < UpdateFormatProbe.TailBytes || !stream.CanSeek)
        {
            return [];
        }

        stream.Seek(size - UpdateFormatProbe.TailBytes, SeekOrigin.Begin);
        var tail = new byte[UpdateFormatProbe.TailBytes];
        return tail[..stream.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false)];
    }

    private static byte[] ReadAll(IArtifactContent content, long size)
    {
        using var stream = content.OpenRead();
        var bytes = new byte[size];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return read == bytes.Length ? bytes : bytes[..read];
    }
}
