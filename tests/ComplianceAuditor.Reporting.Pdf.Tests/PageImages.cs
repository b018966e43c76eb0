using System.Globalization;
using System.Text;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// Renders PDF pages with pdftoppm into PPM images (a trivial format: a text header, then RGB bytes) and reads them
/// back, so tests can look at the pixels without an imaging library.
/// </summary>
internal sealed class PageImages : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"pdf-pages-{Guid.NewGuid():N}");

    public PageImages(string pdf, int dpi)
    {
        Directory.CreateDirectory(folder);
        Poppler.Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), pdf, Path.Combine(folder, "page"));
        Pages = Directory.GetFiles(folder, "page-*.ppm")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["page-".Length..], CultureInfo.InvariantCulture))
            .Select(Read)
            .ToArray();
    }

    public IReadOnlyList<Image> Pages { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Image Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(bytes, start, position - start);
        }

        Assert.Equal("P6", Token());
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++;
        return new Image(width, height, bytes[position..]);
    }

    /// <summary>An RGB image, 3 bytes a pixel, rows top to bottom.</summary>
    internal sealed record Image(int Width, int Height, byte[] Rgb)
    {
        public int Count(Func<byte, byte, byte, bool> predicate)
        {
            var n = 0;
            for (var i = 0; i + 2 < Rgb.Length; i += 3)
            {
                if (predicate(Rgb[i], Rgb[i + 1], Rgb[i + 2]))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Pixels that are not (nearly) white: ink on the page.</summary>
        public int Inked => Count((r, g, b) => r < 235 || g < 235 || b < 235);

        /// <summary>Pixels within <paramref name="tolerance"/> of a colour in every channel.</summary>
        public int Near(byte r, byte g, byte b, int tolerance = 12) =>
            Count((pr, pg, pb) => Math.Abs(pr - r) <= tolerance && Math.Abs(pg - g) <= tolerance && Math.Abs(pb - b) <= tolerance);
    }
}
