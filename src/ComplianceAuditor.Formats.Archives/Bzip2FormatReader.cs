using ComplianceAuditor.Formats.Archives.Compressed;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;
using SharpCompress.Compressors;
using SharpCompress.Compressors.BZip2;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>bzip2: "BZh", the block size digit, then the first block's magic (or the end-of-stream magic of an empty stream).</summary>
public sealed class Bzip2FormatReader : IFormatReader
{
    private const int HeaderSize = 10;

    /// <summary>The 48-bit block magic (the digits of pi) that follows the 4-byte stream header.</summary>
    private static readonly byte[] BlockMagic = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];

    /// <summary>The end-of-stream magic (the digits of sqrt(pi)); right after the header it means an empty stream.</summary>
    private static readonly byte[] EndMagic = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];

    // The block magic is six bytes and far rarer in other data than "BZh"; an empty stream is not worth carving.
    private static readonly FormatSignature[] Bzip2Signatures = [new(BlockMagic, 4)];

    public string Format => "bzip2";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => Bzip2Signatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) =>
        IsStreamHeader(head) ? new FormatMatch(null, $"bzip2, {head[3] - '0'}00k blocks") : null;

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    private static bool IsStreamHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= HeaderSize && bytes.StartsWith("BZh"u8) && bytes[3] is >= (byte)'1' and <= (byte)'9'
        && (bytes.Slice(4, 6).SequenceEqual(BlockMagic) || bytes.Slice(4, 6).SequenceEqual(EndMagic));

    private static long? NextStream(UnpackSource source, long at)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        return source.ReadAt(at, header) == HeaderSize && IsStreamHeader(header) ? at : null;
    }

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var header = new byte[HeaderSize];
        if (source.ReadAt(0, header) != HeaderSize || !IsStreamHeader(header))
        {
            throw new UnpackException("bzip2: no stream header ('BZh', a block size digit, a block or end magic) at 0x0");
        }

        // Each decoder handles one stream and leaves the input right after it, where the next one may start.
        static Stream OneStream(Stream input) => BZip2Stream.Create(input, CompressionMode.Decompress, decompressConcatenated: false, leaveOpen: true);
        yield return SingleEntry.Create(Format, GzipFormatReader.DefaultEntryName, ArchiveFormatReaders.UnknownSize, $"bzip2, {header[3] - '0'}00k blocks",
            () => new ConcatenatedStreams(source, OneStream, NextStream, context.CancellationToken), context.CancellationToken);
    }
}
