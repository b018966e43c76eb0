using System.Buffers.Binary;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Reads a run of bytes that starts at (block, offset) in a metadata table and may continue into the following
/// blocks. Each step moves forward in the image, and the region ends it, so no reference can make it loop.
/// </summary>
internal sealed class MetadataCursor
{
    private readonly MetadataStore _store;
    private readonly MetadataRegion _region;
    private MetadataBlock _block;
    private long _blockPosition;
    private int _offset;

    public MetadataCursor(MetadataStore store, MetadataRegion region, long blockPosition, int offset)
    {
        _store = store;
        _region = region;
        _block = store.Read(blockPosition, region);
        _blockPosition = blockPosition;
        if (offset < 0 || offset > _block.Data.Length)
        {
            throw Errors.Malformed($"{region.Name} reference to offset {offset} of the block at 0x{blockPosition:x} is past its {_block.Data.Length} bytes");
        }

        _offset = offset;
    }

    /// <summary>Where the next byte comes from, so that a later cursor can start there again.</summary>
    public (long BlockPosition, int Offset) Position => (_blockPosition, _offset);

    public void Read(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_offset == _block.Data.Length)
            {
                // Moving on: the next block must exist inside the same table.
                _blockPosition = _block.Next;
                _block = _store.Read(_blockPosition, _region);
                _offset = 0;
            }

            var n = Math.Min(destination.Length, _block.Data.Length - _offset);
            _block.Data.AsSpan(_offset, n).CopyTo(destination);
            _offset += n;
            destination = destination[n..];
        }
    }

    public void Skip(long count)
    {
        Span<byte> scratch = stackalloc byte[256];
        while (count > 0)
        {
            var n = (int)Math.Min(count, scratch.Length);
            Read(scratch[..n]);
            count -= n;
        }
    }

    public ushort ReadUInt16()
    {
        // The common case is a value wholly inside the current block; only values that straddle two blocks go
        // through the copying path.
        if (_block.Data.Length - _offset >= 2)
        {
            var value = BinaryPrimitives.ReadUInt16LittleEndian(_block.Data.AsSpan(_offset));
            _offset += 2;
            return value;
        }

        Span<byte> buffer = stackalloc byte[2];
        Read(buffer);
        return BinaryPrimitives.ReadUInt16LittleEndian(buffer);
    }

    public uint ReadUInt32()
    {
        if (_block.Data.Length - _offset >= 4)
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(_block.Data.AsSpan(_offset));
            _offset += 4;
            return value;
        }

        Span<byte> buffer = stackalloc byte[4];
        Read(buffer);
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer);
    }

    public ulong ReadUInt64()
    {
        Span<byte> buffer = stackalloc byte[8];
        Read(buffer);
        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }
}
