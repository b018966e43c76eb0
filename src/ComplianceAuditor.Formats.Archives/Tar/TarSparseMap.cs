using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>A run of real data in a sparse file: <see cref="Length"/> bytes at logical <see cref="Offset"/>.</summary>
internal readonly record struct SparseSegment(long Offset, long Length);

/// <summary>
/// The three ways GNU tar records which parts of a sparse file hold data: the old GNU header map (type 'S', with
/// extension blocks), pax 0.0/0.1 keys, and pax 1.0, where the map is decimal text at the start of the entry's data.
/// </summary>
internal static class TarSparseMap
{
    /// <summary>More data runs than any real file system image has; a map longer than this is taken as hostile.</summary>
    public const int MaxSegments = 1 << 20;

    private const int HeaderEntries = 4;
    private const int ExtensionEntries = 21;
    private const int EntrySize = 24;

    /// <summary>
    /// Reads the old GNU map from the header and from the extension blocks that follow it; <paramref name="dataOffset"/>
    /// moves past those blocks to where the stored data starts.
    /// </summary>
    public static List<SparseSegment> ReadOldGnu(TarHeader header, UnpackSource source, ref long dataOffset, CancellationToken cancellationToken)
    {
        var segments = new List<SparseSegment>();
        AddEntries(header.Block.Slice(386, HeaderEntries * EntrySize), header.Offset, segments);
        var extended = header.Block[482] != 0;
        var block = new byte[TarHeader.BlockSize];
        while (extended)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.Length - dataOffset < TarHeader.BlockSize)
            {
                throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                    $"tar: sparse header at 0x{header.Offset:x}: its extension block at 0x{dataOffset:x} runs past the end of the archive"));
            }

            source.ReadExactly(dataOffset, block, "tar sparse extension block");
            AddEntries(block.AsSpan(0, ExtensionEntries * EntrySize), dataOffset, segments);
            extended = block[504] != 0;
            dataOffset += TarHeader.BlockSize;
        }

        return segments;
    }

    /// <summary>The pax 0.1 map ("offset,size,offset,size") or, failing that, the 0.0 repeated offset/numbytes keys.</summary>
    public static List<SparseSegment> ReadPax0(PaxRecords pax, long headerOffset)
    {
        var segments = new List<SparseSegment>();
        var map = pax.Get("GNU.sparse.map");
        if (map is not null)
        {
            var fields = map.Split(',');
            if (fields.Length % 2 != 0 || fields.Length / 2 > MaxSegments)
            {
                throw Bad(headerOffset, "GNU.sparse.map does not hold offset/size pairs");
            }

            for (var i = 0; i < fields.Length; i += 2)
            {
                segments.Add(new SparseSegment(Parse(fields[i], headerOffset), Parse(fields[i + 1], headerOffset)));
            }

            return segments;
        }

        long? pendingOffset = null;
        foreach (var (key, value) in pax.All)
        {
            if (key == "GNU.sparse.offset")
            {
                pendingOffset = Parse(value, headerOffset);
            }
            else if (key == "GNU.sparse.numbytes")
            {
                if (pendingOffset is not { } offset)
                {
                    throw Bad(headerOffset, "GNU.sparse.numbytes comes without a GNU.sparse.offset");
                }

                if (segments.Count == MaxSegments)
                {
                    throw Bad(headerOffset, "the sparse map has too many entries");
                }

                segments.Add(new SparseSegment(offset, Parse(value, headerOffset)));
                pendingOffset = null;
            }
        }

        return segments;
    }

    /// <summary>
    /// Reads the pax 1.0 map at the start of the entry's data: a count, then offset and size per run, each a decimal
    /// number on its own line, padded to a whole block. <paramref name="mapBytes"/> is that padded length.
    /// </summary>
    public static List<SparseSegment> ReadPax1(UnpackSource source, long dataOffset, long storedSize, long headerOffset, out long mapBytes)
    {
        var reader = new DecimalLineReader(source, dataOffset, storedSize, headerOffset);
        var count = reader.Next();
        if (count > MaxSegments)
        {
            throw Bad(headerOffset, string.Create(CultureInfo.InvariantCulture, $"the sparse map claims {count} runs"));
        }

        var segments = new List<SparseSegment>();
        for (var i = 0; i < count; i++)
        {
            segments.Add(new SparseSegment(reader.Next(), reader.Next()));
        }

        mapBytes = (reader.Consumed + TarHeader.BlockSize - 1) / TarHeader.BlockSize * TarHeader.BlockSize;
        if (mapBytes > storedSize)
        {
            throw Bad(headerOffset, "the sparse map is larger than the entry");
        }

        return segments;
    }

    /// <summary>Runs must be in order, must not overlap, must lie inside the file and must add up to the stored bytes.</summary>
    public static void Validate(IReadOnlyList<SparseSegment> segments, long realSize, long storedSize, long headerOffset)
    {
        long end = 0, total = 0;
        foreach (var segment in segments)
        {
            if (segment.Offset < end || segment.Length > realSize - segment.Offset)
            {
                throw Bad(headerOffset, string.Create(CultureInfo.InvariantCulture,
                    $"the run of {segment.Length} bytes at {segment.Offset} overlaps another or lies outside the {realSize}-byte file"));
            }

            end = segment.Offset + segment.Length;
            total += segment.Length;
        }

        if (total != storedSize)
        {
            throw Bad(headerOffset, string.Create(CultureInfo.InvariantCulture,
                $"the runs add up to {total} bytes but the entry stores {storedSize}"));
        }
    }

    private static void AddEntries(ReadOnlySpan<byte> entries, long blockOffset, List<SparseSegment> segments)
    {
        for (var i = 0; i + EntrySize <= entries.Length; i += EntrySize)
        {
            var entry = entries.Slice(i, EntrySize);
            if (!entry.ContainsAnyExcept((byte)0))
            {
                break;
            }

            if (!TarNumber.TryParse(entry[..12], out var offset, out _) || !TarNumber.TryParse(entry[12..], out var length, out _))
            {
                throw Bad(blockOffset, "a sparse map entry is not a number");
            }

            if (segments.Count == MaxSegments)
            {
                throw Bad(blockOffset, "the sparse map has too many entries");
            }

            segments.Add(new SparseSegment(offset, length));
        }
    }

    private static long Parse(string text, long headerOffset) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(headerOffset, $"'{(text.Length > 24 ? text[..24] + "..." : text)}' in the sparse map is not a number");

    private static UnpackException Bad(long offset, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"tar: sparse map of the entry at 0x{offset:x}: {problem}"));

    /// <summary>Reads newline-terminated decimal numbers from the data area, a block at a time.</summary>
    private sealed class DecimalLineReader(UnpackSource source, long start, long limit, long headerOffset)
    {
        private readonly byte[] _buffer = new byte[TarHeader.BlockSize];
        private int _bufferLength;
        private int _bufferPosition;

        public long Consumed { get; private set; }

        public long Next()
        {
            long value = 0;
            var digits = 0;
            while (true)
            {
                if (_bufferPosition == _bufferLength)
                {
                    Fill();
                }

                var b = _buffer[_bufferPosition++];
                Consumed++;
                if (b == (byte)'\n' && digits > 0)
                {
                    return value;
                }

                if (b is < (byte)'0' or > (byte)'9' || digits == 18)
                {
                    throw Bad(headerOffset, "the pax 1.0 sparse map holds something other than decimal numbers");
                }

                value = (value * 10) + (b - '0');
                digits++;
            }
        }

        private void Fill()
        {
            var available = Math.Min(_buffer.Length, limit - Consumed);
            if (available <= 0)
            {
                throw Bad(headerOffset, "the pax 1.0 sparse map runs past the end of the entry");
            }

            source.ReadExactly(start + Consumed, _buffer.AsSpan(0, (int)available), "tar pax 1.0 sparse map");
            _bufferLength = (int)available;
            _bufferPosition = 0;
        }
    }
}
