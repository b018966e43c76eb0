using System.Globalization;
using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>Where an image node's payload lies in the FIT file: inside the tree (<c>data</c>) or after it.</summary>
/// <param name="Offset">From the start of the FIT.</param>
/// <param name="Length">In bytes.</param>
/// <param name="Placement">"embedded", "data-offset" or "data-position", for the report.</param>
internal sealed record FitImageData(long Offset, long Length, string Placement)
{
    /// <summary>
    /// The payload of <paramref name="image"/>, or null with <paramref name="problem"/> set when it has none or it lies
    /// past the end of the <paramref name="available"/> bytes.
    /// </summary>
    public static FitImageData? Locate(FdtNode image, FdtHeader header, long available, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(header);
        problem = null;
        if (image.GetProperty("data") is { } embedded)
        {
            return new FitImageData(embedded.ValueOffset, embedded.Length, "embedded");
        }

        var size = image.GetProperty("data-size")?.AsUInt32();
        var offset = image.GetProperty("data-offset")?.AsUInt32();
        var position = image.GetProperty("data-position")?.AsUInt32();
        if (size is null || (offset is null && position is null))
        {
            problem = $"image node {image.Path} has no data, nor data-size with data-offset or data-position";
            return null;
        }

        // data-position counts from the start of the FIT, data-offset from the end of the tree rounded up to 4 bytes.
        var start = position ?? (((header.TotalSize + 3L) & ~3L) + offset!.Value);
        if (start > available || size.Value > available - start)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"image node {image.Path} has {size.Value} bytes of external data at 0x{start:x}, past the end of the {available}-byte file");
            return null;
        }

        return new FitImageData(start, size.Value, position is null ? "data-offset" : "data-position");
    }

    /// <summary>"embedded, 12 bytes at 0x1a4" for the report.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Placement}, {Length} bytes at 0x{Offset:x}");
}
