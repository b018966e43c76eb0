using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Reads squashfs metadata blocks (a 2-byte header: bit 15 set = stored uncompressed, low 15 bits = stored length;
/// then at most 8 KiB once expanded) and keeps the most recent ones, keyed by image offset. Walking directories
/// jumps between the directory and inode tables, and the same few blocks are asked for again and again.
/// Not thread-safe: one per image, used by the thread that enumerates it.
/// </summary>
internal sealed class MetadataStore
{
    /// <summary>512 blocks of at most 8 KiB: 4 MiB at most, whatever the size of the image.</summary>
    private const int CacheCapacity = 512;

    private readonly UnpackSource _source;
    private readonly BlockDecompressor _decompressor;
    private readonly Dictionary<long, MetadataBlock> _cache = [];
    private readonly Queue<long> _age = new();

    public MetadataStore(UnpackSource source, BlockDecompressor decompressor)
    {
        _source = source;
        _decompressor = decompressor;
    }

    public MetadataBlock Read(long position, MetadataRegion region)
    {
        if (position < region.Start || position > region.End - 3)
        {
            throw Errors.Malformed($"{region.Name} block at 0x{position:x} is outside the table (0x{region.Start:x}..0x{region.End:x})");
        }

        if (_cache.TryGetValue(position, out var cached))
        {
            // A block cached for one table may be reached through another table's bogus reference.
            if (cached.Next > region.End)
            {
                throw Errors.Malformed($"{region.Name} block at 0x{position:x} runs past the end of the table at 0x{region.End:x}");
            }

            return cached;
        }

        var block = Load(position, region);
        if (_cache.Count >= CacheCapacity)
        {
            _cache.Remove(_age.Dequeue());
        }

        _cache[position] = block;
        _age.Enqueue(position);
        return block;
    }

    private MetadataBlock Load(long position, MetadataRegion region)
    {
        Span<byte> header = stackalloc byte[2];
        if (_source.ReadAt(position, header) != 2)
        {
            throw Errors.Malformed($"{region.Name} block header at 0x{position:x} runs past the end of the image");
        }

        var word = BinaryPrimitives.ReadUInt16LittleEndian(header);
        var stored = word & 0x7fff;
        var uncompressed = (word & 0x8000) != 0;
        if (stored == 0 || stored > Superblock.MetadataBlockSize)
        {
            throw Errors.Malformed($"{region.Name} block at 0x{position:x} declares {stored} stored bytes (a metadata block holds 1 to 8192)");
        }

        var next = position + 2 + stored;
        if (next > region.End)
        {
            throw Errors.Malformed($"{region.Name} block at 0x{position:x} ({stored} bytes) runs past the end of the table at 0x{region.End:x}");
        }

        var raw = ArrayPool<byte>.Shared.Rent(stored);
        try
        {
            if (_source.ReadAt(position + 2, raw.AsSpan(0, stored)) != stored)
            {
                throw Errors.Malformed($"{region.Name} block at 0x{position:x} ({stored} bytes) runs past the end of the image");
            }

            if (uncompressed)
            {
                return new MetadataBlock(raw.AsSpan(0, stored).ToArray(), next);
            }

            var expanded = ArrayPool<byte>.Shared.Rent(Superblock.MetadataBlockSize);
            try
            {
                var length = Errors.Decompress(_decompressor, raw, stored, expanded, Superblock.MetadataBlockSize,
                    () => string.Create(CultureInfo.InvariantCulture, $"{region.Name} block at 0x{position:x}"));
                if (length == 0)
                {
                    throw Errors.Malformed($"{region.Name} block at 0x{position:x} expands to nothing");
                }

                return new MetadataBlock(expanded.AsSpan(0, length).ToArray(), next);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(expanded);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }
}
