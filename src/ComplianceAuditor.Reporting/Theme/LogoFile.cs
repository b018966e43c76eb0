using System.Buffers.Binary;

namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// Reads a theme's logo with a size bound and checks it is a PNG or JPEG by its signature, and that the picture it
/// declares is small enough to decode. A file of a few KiB can declare 65000 × 65000 pixels, which the decoders would
/// try to allocate (gigabytes, or a crash in native code); reading the size from the header refuses that for every
/// report format before anything decodes it. A wrong file (a PDF, an SVG) also stops the run before the audit.
/// </summary>
internal static class LogoFile
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static (byte[] Bytes, string Format) Read(string path, string where)
    {
        var what = $"the logo '{path}'";
        var bytes = RegularFile.Read(path, ThemeLoader.MaxLogoBytes, what, where);
        var span = bytes.AsSpan();
        var format = span.StartsWith(Png) ? "png" : span.StartsWith(Jpeg) ? "jpeg" : null;
        if (format is null)
        {
            throw new ThemeException($"{where}: {what} is not a PNG or JPEG image");
        }

        var size = format == "png" ? PngSize(span) : JpegSize(span);
        if (size is not var (width, height) || width <= 0 || height <= 0)
        {
            throw new ThemeException($"{where}: {what} has no readable {format} header giving its width and height");
        }

        if (width > ThemeLoader.MaxLogoSide || height > ThemeLoader.MaxLogoSide || (long)width * height > ThemeLoader.MaxLogoPixels)
        {
            throw new ThemeException(
                $"{where}: {what} declares {width} × {height} pixels; at most {ThemeLoader.MaxLogoSide} pixels a side and {ThemeLoader.MaxLogoPixels / 1_000_000} megapixels are allowed");
        }

        return (bytes, format);
    }

    /// <summary>The IHDR chunk comes first in every PNG: its width and height are bytes 16-23, big-endian.</summary>
    private static (int, int)? PngSize(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[12..16].SequenceEqual("IHDR"u8)
            ? ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[20..]), int.MaxValue))
            : null;

    /// <summary>
    /// Walks the JPEG's marker segments to the first start-of-frame (SOF0-SOF15 but DHT, JPG and DAC), which holds
    /// the height then the width; the scan data starts only after it.
    /// </summary>
    private static (int, int)? JpegSize(ReadOnlySpan<byte> jpeg)
    {
        var p = 2;
        while (p + 1 < jpeg.Length)
        {
            if (jpeg[p] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[p + 1];
            if (marker == 0xFF)
            {
                p++; // fill byte
                continue;
            }

            p += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (marker is 0xD9 or 0xDA || p + 2 > jpeg.Length)
            {
                return null; // end of image, or scan data, before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[p..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return p + 7 <= jpeg.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(jpeg[(p + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(jpeg[(p + 3)..]))
                    : null;
            }

            if (length < 2)
            {
                return null;
            }

            p += length;
        }

        return null;
    }
}
