using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Compressed;

/// <summary>A Zstandard frame header (RFC 8878 section 3.1.1.1).</summary>
internal sealed record ZstdFrameHeader(int HeaderSize, long? ContentSize, long WindowSize, bool HasChecksum);

/// <summary>
/// Zstandard frame layout. Frames are a header, blocks with 3-byte headers that give their sizes, and an optional
/// checksum, so the end of a run of frames is found by hopping from block header to block header without decoding.
/// That end matters: SharpCompress's decoder takes anything after the last frame for a broken frame and fails.
/// </summary>
internal static class ZstdFrames
{
    public const uint FrameMagic = 0xFD2FB528;

    private const uint SkippableMagicMask = 0xFFFFFFF0;
    private const uint SkippableMagic = 0x184D2A50;

    /// <summary>Parses the header of the frame at the start of <paramref name="bytes"/>; null when it is not one.</summary>
    public static ZstdFrameHeader? TryParseHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != FrameMagic)
        {
            return null;
        }

        var descriptor = bytes[4];
        if ((descriptor & 0x08) != 0)
        {
            // The reserved bit must be zero.
            return null;
        }

        var contentSizeFlag = descriptor >> 6;
        var singleSegment = (descriptor & 0x20) != 0;
        var dictionaryIdSize = (descriptor & 3) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        var contentSizeSize = contentSizeFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        var headerSize = 5 + (singleSegment ? 0 : 1) + dictionaryIdSize + contentSizeSize;
        if (bytes.Length < headerSize)
        {
            return null;
        }

        long windowSize = 0;
        var position = 5;
        if (!singleSegment)
        {
            var exponent = bytes[5] >> 3;
            var mantissa = bytes[5] & 7;

            // Window logs above 31 are beyond what the format allows any decoder to need.
            if (exponent > 21)
            {
                return null;
            }

            var windowBase = 1L << (10 + exponent);
            windowSize = windowBase + (windowBase / 8 * mantissa);
            position++;
        }

        position += dictionaryIdSize;
        long? contentSize = contentSizeSize switch
        {
            1 => bytes[position],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]) + 256L,
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]),
            8 => BinaryPrimitives.ReadInt64LittleEndian(bytes[position..]),
            _ => null,
        };
        if (contentSize < 0)
        {
            return null;
        }

        return new ZstdFrameHeader(headerSize, contentSize, singleSegment ? contentSize ?? 0 : windowSize, (descriptor & 0x04) != 0);
    }

    /// <summary>
    /// Where the run of frames (and skippable frames) starting at offset 0 ends, and the total content size when every
    /// frame declares one. Null when a frame's blocks run past the end of the data or a block header is invalid; the
    /// decoder then reports the problem itself.
    /// </summary>
    public static (long End, long? ContentSize)? FindEnd(UnpackSource source, CancellationToken cancellationToken)
    {
        Span<byte> buffer = stackalloc byte[18];
        long position = 0;
        long? total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = source.ReadAt(position, buffer);
            if (read < 4)
            {
                break;
            }

            var magic = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
            if ((magic & SkippableMagicMask) == SkippableMagic && read >= 8)
            {
                var skip = BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]);
                if (skip > source.Length - position - 8)
                {
                    return null;
                }

                position += 8 + skip;
                continue;
            }

            if (TryParseHeader(buffer[..read]) is not { } header)
            {
                // Not a frame: the run has ended (or never began, which the decoder will say).
                break;
            }

            position += header.HeaderSize;
            total = header.ContentSize is { } size && total is { } sum && size <= long.MaxValue - sum ? sum + size : null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (source.ReadAt(position, buffer[..3]) != 3)
                {
                    return null;
                }

                var blockHeader = buffer[0] | (buffer[1] << 8) | (buffer[2] << 16);
                var last = (blockHeader & 1) != 0;
                var type = (blockHeader >> 1) & 3;
                var blockSize = blockHeader >> 3;
                if (type == 3)
                {
                    return null;
                }

                // An RLE block stores one byte however long its output.
                var stored = type == 1 ? 1 : blockSize;
                if (stored > source.Length - position - 3)
                {
                    return null;
                }

                position += 3 + stored;
                if (last)
                {
                    break;
                }
            }

            if (header.HasChecksum)
            {
                if (source.Length - position < 4)
                {
                    return null;
                }

                position += 4;
            }
        }

        return position == 0 ? null : (position, total);
    }
}
