using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.Archives.Compressed;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;
using SharpCompress.Compressors.LZMA;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// LZMA-alone (.lzma, and the raw LZMA of many firmware kernels and root file systems). There is no magic number, so
/// <see cref="Identify"/> is strict (see <see cref="LzmaHeader"/>) and carving looks only for the common header with
/// the default properties (lc=3, lp=0, pb=2, byte 0x5D) and a power-of-two dictionary of 64 KiB to 64 MiB.
/// </summary>
public sealed class LzmaFormatReader : IFormatReader
{
    private static readonly FormatSignature[] LzmaSignatures = Enumerable.Range(16, 11).Select(CommonHeader).ToArray();

    public string Format => "lzma";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => LzmaSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) =>
        LzmaHeader.TryParse(head) is { } header ? new FormatMatch(null, header.Describe()) : null;

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    /// <summary>Properties 0x5D followed by a 2^<paramref name="dictionaryBits"/> dictionary size, little-endian.</summary>
    private static FormatSignature CommonHeader(int dictionaryBits)
    {
        var magic = new byte[5];
        magic[0] = 0x5D;
        BinaryPrimitives.WriteUInt32LittleEndian(magic.AsSpan(1), 1u << dictionaryBits);
        return new FormatSignature(magic);
    }

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var bytes = new byte[LzmaHeader.Size + 1];
        var header = (source.ReadAt(0, bytes) == bytes.Length ? LzmaHeader.TryParse(bytes) : null)
            ?? throw new UnpackException("lzma: no plausible LZMA-alone header (properties, dictionary size, uncompressed size) at 0x0");
        if (header.DictionarySize > LzmaHeader.MaxDictionary && (header.UncompressedSize ?? long.MaxValue) > LzmaHeader.MaxDictionary)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"lzma: the header asks for a {header.DictionarySize >> 20} MiB dictionary; decoding with {LzmaHeader.MaxDictionary >> 20} MiB, so matches reaching further back fail as corrupt data"));
        }

        var size = header.UncompressedSize ?? ArchiveFormatReaders.UnknownSize;
        yield return SingleEntry.Create(Format, GzipFormatReader.DefaultEntryName, size, header.Describe(),
            () =>
            {
                // Input size unknown (-1): the decoder stops at the end marker or the declared size, and whatever follows
                // in a carved blob is not its concern.
                var input = SourceStreams.Open(source.Slice(LzmaHeader.Size, source.Length - LzmaHeader.Size));
                return LzmaStream.Create(header.DecoderProperties(), input, -1, header.UncompressedSize ?? -1, leaveOpen: false);
            },
            context.CancellationToken);
    }
}
