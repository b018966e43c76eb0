using System.Buffers.Binary;
using ComplianceAuditor.Formats.Archives.Compressed;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;
using SharpCompress.Compressors.Xz;
using Crc32 = ComplianceAuditor.Unpacking.Crc32;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>xz: the 6-byte magic, two stream-flag bytes and the CRC-32 of those flags.</summary>
public sealed class XzFormatReader : IFormatReader
{
    private const int HeaderSize = 12;

    private static readonly byte[] Magic = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00];
    private static readonly FormatSignature[] XzSignatures = [new(Magic)];

    public string Format => "xz";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => XzSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) =>
        IsStreamHeader(head) ? new FormatMatch(null, "xz, check " + CheckName(head[7])) : null;

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    /// <summary>
    /// Magic, a zero first flag byte, a check type xz defines (none, CRC-32, CRC-64, SHA-256) and a matching CRC-32.
    /// </summary>
    private static bool IsStreamHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= HeaderSize && bytes.StartsWith(Magic) && bytes[6] == 0 && bytes[7] is 0x00 or 0x01 or 0x04 or 0x0A
        && Crc32.Compute(bytes.Slice(6, 2)) == BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);

    private static string CheckName(byte flags) => flags switch
    {
        0x01 => "CRC-32",
        0x04 => "CRC-64",
        0x0A => "SHA-256",
        _ => "none",
    };

    /// <summary>
    /// After a stream's footer ("YZ") comes stream padding (zero bytes, a multiple of four) and maybe another stream.
    /// </summary>
    private static long? NextStream(UnpackSource source, long at)
    {
        Span<byte> bytes = stackalloc byte[HeaderSize];
        if (at < 2 || source.ReadAt(at - 2, bytes[..2]) != 2 || bytes[0] != (byte)'Y' || bytes[1] != (byte)'Z')
        {
            return null;
        }

        // Skip the padding a chunk at a time: a carved xz may be followed by megabytes of erased (zero) flash.
        var position = at;
        var chunk = new byte[4096];
        int read;
        while ((read = source.ReadAt(position, chunk) & ~3) > 0)
        {
            var nonZero = chunk.AsSpan(0, read).IndexOfAnyExcept((byte)0);
            if (nonZero >= 0)
            {
                position += nonZero & ~3;
                break;
            }

            position += read;
        }

        return source.ReadAt(position, bytes) == HeaderSize && IsStreamHeader(bytes) ? position : null;
    }

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var header = new byte[HeaderSize];
        if (source.ReadAt(0, header) != HeaderSize || !IsStreamHeader(header))
        {
            throw new UnpackException("xz: no valid stream header (magic, flags, CRC-32) at 0x0");
        }

        yield return SingleEntry.Create(Format, GzipFormatReader.DefaultEntryName, ArchiveFormatReaders.UnknownSize, "xz, check " + CheckName(header[7]),
            () => new ConcatenatedStreams(source, input => new XZStream(input), NextStream, context.CancellationToken),
            context.CancellationToken);
    }
}
