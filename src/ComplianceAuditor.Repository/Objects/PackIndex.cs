using System.Buffers.Binary;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// A version 2 pack index (<c>.idx</c>): the sorted object ids of one pack and where each object starts in it. Layout
/// (git's pack-format documentation): magic <c>\377tOc</c>, version 2, 256 fan-out counts, the ids, their CRCs, 4-byte
/// offsets (high bit set: index into the 8-byte offsets that follow). Read whole into memory; checked as read.
/// </summary>
internal sealed class PackIndex
{
    private const int IdLength = 20;
    private readonly byte[] _index;
    private readonly int _count;
    private readonly int _ids;
    private readonly int _offsets;
    private readonly int _largeOffsets;

    private PackIndex(byte[] index, int count)
    {
        _index = index;
        _count = count;
        _ids = 8 + (256 * 4);
        _offsets = _ids + (count * IdLength) + (count * 4);
        _largeOffsets = _offsets + (count * 4);
    }

    /// <summary>Reads an index, or null when it is not a well-formed version 2 index of SHA-1 ids.</summary>
    public static PackIndex? Load(string path)
    {
        byte[] index;
        try
        {
            var length = new FileInfo(path).Length;
            if (length < 8 + (256 * 4) + 40 || length > int.MaxValue)
            {
                return null;
            }

            index = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (index[0] != 0xff || index[1] != (byte)'t' || index[2] != (byte)'O' || index[3] != (byte)'c'
            || BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(4)) != 2)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + (255 * 4)));
        // The fixed parts must fit: ids, CRCs and 4-byte offsets, then the trailer's two checksums.
        if (count > (index.Length - (8 + (256 * 4)) - 40) / (IdLength + 8))
        {
            return null;
        }

        // Each fan-out count is the number of ids up to that first byte: never falling, the last one the total.
        var previous = 0u;
        for (var i = 0; i < 256; i++)
        {
            var value = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + (i * 4)));
            if (value < previous || value > count)
            {
                return null;
            }

            previous = value;
        }

        return new PackIndex(index, (int)count);
    }

    /// <summary>Where the object starts in the pack, or -1 when this pack does not hold it (or the index lies).</summary>
    public long Find(ReadOnlySpan<byte> id)
    {
        var first = id[0];
        var low = first == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(8 + ((first - 1) * 4)));
        var high = (int)BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(8 + (first * 4)));
        if (low > high || high > _count)
        {
            return -1;
        }

        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var order = _index.AsSpan(_ids + (middle * IdLength), IdLength).SequenceCompareTo(id);
            if (order == 0)
            {
                return OffsetOf(middle);
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return -1;
    }

    private long OffsetOf(int position)
    {
        var small = BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(_offsets + (position * 4)));
        if ((small & 0x8000_0000) == 0)
        {
            return small;
        }

        var large = _largeOffsets + ((long)(small & 0x7fff_ffff) * 8);
        return large + 8 <= _index.Length - 40 ? (long)BinaryPrimitives.ReadUInt64BigEndian(_index.AsSpan((int)large)) : -1;
    }
}
