using System.Globalization;
using ComplianceAuditor.Formats.Archives.Compressed;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;
using SharpCompress.Compressors.ZStandard;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// Zstandard: frame magic and a valid frame header descriptor. The data is cut at the end of the last frame before it
/// is decoded (see <see cref="ZstdFrames"/>). The decoder keeps its default window limit (2^27 bytes), so a frame that
/// asks for a larger window fails instead of allocating it.
/// </summary>
public sealed class ZstdFormatReader : IFormatReader
{
    private static readonly FormatSignature[] ZstdSignatures = [new([0x28, 0xB5, 0x2F, 0xFD])];

    public string Format => "zstd";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => ZstdSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (ZstdFrames.TryParseHeader(head) is not { } header)
        {
            return null;
        }

        // The first block header, when the head has it: block type 3 is reserved.
        if (head.Length >= header.HeaderSize + 3 && ((head[header.HeaderSize] >> 1) & 3) == 3)
        {
            return null;
        }

        return new FormatMatch(null, Describe(header.ContentSize));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    private static string Describe(long? contentSize) =>
        contentSize is { } size ? string.Create(CultureInfo.InvariantCulture, $"zstd, {size} bytes") : "zstd";

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var head = new byte[18];
        if (ZstdFrames.TryParseHeader(head.AsSpan(0, source.ReadAt(0, head))) is null)
        {
            throw new UnpackException("zstd: no valid frame header (magic, frame header descriptor) at 0x0");
        }

        var extent = ZstdFrames.FindEnd(source, context.CancellationToken);
        var frames = extent is { } found ? source.Slice(0, found.End) : source;
        var size = extent?.ContentSize ?? ArchiveFormatReaders.UnknownSize;
        yield return SingleEntry.Create(Format, GzipFormatReader.DefaultEntryName, size, Describe(extent?.ContentSize),
            () => new DecompressionStream(SourceStreams.Open(frames), bufferSize: 0, checkEndOfStream: true, leaveOpen: false),
            context.CancellationToken);
    }
}
