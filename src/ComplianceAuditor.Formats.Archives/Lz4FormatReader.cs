using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// LZ4 frames are recognised (magic, descriptor and its XXH32 check byte) but not decoded: SharpCompress 0.50.8 has no
/// LZ4 decoder, so <see cref="Read"/> reports the reader as unavailable and names what would open the stream.
/// </summary>
public sealed class Lz4FormatReader : IFormatReader
{
    private static readonly byte[] Magic = [0x04, 0x22, 0x4D, 0x18];
    private static readonly FormatSignature[] Lz4Signatures = [new(Magic)];

    public string Format => "lz4";

    public string Extractor => "none (SharpCompress " + SharpCompressLibrary.Version + " has no LZ4 decoder)";

    public IReadOnlyList<FormatSignature> Signatures => Lz4Signatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < 7 || !head.StartsWith(Magic))
        {
            return null;
        }

        var flags = head[4];
        var blockDescriptor = head[5];

        // Version 01, reserved bit 1 clear; block maximum size 4..7 with the other bits of that byte clear.
        if ((flags >> 6) != 1 || (flags & 0x02) != 0 || (blockDescriptor & 0x8F) != 0 || ((blockDescriptor >> 4) & 7) < 4)
        {
            return null;
        }

        var descriptorLength = 2 + ((flags & 0x08) != 0 ? 8 : 0) + ((flags & 0x01) != 0 ? 4 : 0);
        if (head.Length < 4 + descriptorLength + 1)
        {
            return null;
        }

        var descriptor = head.Slice(4, descriptorLength);
        if (((XxHash32.Compute(descriptor) >> 8) & 0xFF) != head[4 + descriptorLength])
        {
            return null;
        }

        var description = (flags & 0x08) != 0
            ? string.Create(CultureInfo.InvariantCulture, $"lz4 frame, {BinaryPrimitives.ReadInt64LittleEndian(head[6..])} bytes")
            : "lz4 frame";
        return new FormatMatch(null, description);
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return Unavailable();
    }

    private static IEnumerable<UnpackedEntry> Unavailable()
    {
        throw new ReaderUnavailableException(
            "lz4: there is no LZ4 frame decoder here (SharpCompress " + SharpCompressLibrary.Version +
            " has none); install the Debian package 'lz4' and run 'lz4 -d', or add an LZ4 decoder to this project");
#pragma warning disable CS0162 // Unreachable, but it makes this an iterator: like every Read, it fails when enumerated.
        yield break;
#pragma warning restore CS0162
    }
}
