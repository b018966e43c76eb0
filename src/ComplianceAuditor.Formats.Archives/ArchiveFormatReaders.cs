using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>The readers of this project, for the driver to register, and the conventions they share.</summary>
public static class ArchiveFormatReaders
{
    /// <summary>
    /// <see cref="UnpackedEntry.Size"/> of a compressed stream whose header does not say how large the output is
    /// (gzip, bzip2, xz, lzma without a size, zstd without a content size): the size is known only once decompressed.
    /// </summary>
    public const long UnknownSize = -1;

    public static IReadOnlyList<IFormatReader> All { get; } =
    [
        new TarFormatReader(),
        new ZipFormatReader(),
        new SevenZipFormatReader(),
        new GzipFormatReader(),
        new Bzip2FormatReader(),
        new XzFormatReader(),
        new LzmaFormatReader(),
        new ZstdFormatReader(),
        new Lz4FormatReader(),
    ];
}
