using System.Buffers;
using System.IO.Compression;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// One pack (<c>.pack</c>) with its index, read at object offsets. An entry is a header (kind and inflated size in a
/// variable-length number), for an offset delta the distance back to its base, for a reference delta the base's id,
/// then zlib data (git's pack-format documentation). Every number is checked against the file and the caller's limit.
/// </summary>
internal sealed class PackFile : IDisposable
{
    private const int OffsetDelta = 6;
    private const int ReferenceDelta = 7;

    private readonly FileStream _pack;

    private PackFile(PackIndex index, FileStream pack)
    {
        Index = index;
        _pack = pack;
    }

    public PackIndex Index { get; }

    public static PackFile? Open(string indexPath)
    {
        var index = PackIndex.Load(indexPath);
        if (index is null)
        {
            return null;
        }

        try
        {
            return new PackFile(index, new FileStream(Path.ChangeExtension(indexPath, ".pack"), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>An entry's header: its kind (a delta kind included), inflated size, and its base when a delta.</summary>
    public Entry ReadEntry(long offset)
    {
        if (offset < 12 || offset >= _pack.Length)
        {
            throw new InvalidDataException($"pack offset {offset} lies outside the pack");
        }

        // A header is at most 10 size bytes, then 10 distance bytes or a 20-byte id: one read holds it.
        Span<byte> header = stackalloc byte[40];
        header = header[..RandomAccess.Read(_pack.SafeFileHandle, header, offset)];
        var at = 0;
        var c = Next(header, ref at);
        var kind = (c >> 4) & 7;
        long size = c & 15;
        var shift = 4;
        while ((c & 0x80) != 0)
        {
            c = Next(header, ref at);
            if (shift > 56)
            {
                throw new InvalidDataException("an object size in the pack does not fit in 64 bits");
            }

            size |= (long)(c & 0x7f) << shift;
            shift += 7;
        }

        long baseOffset = -1;
        byte[]? baseId = null;
        if (kind == OffsetDelta)
        {
            c = Next(header, ref at);
            long back = c & 0x7f;
            while ((c & 0x80) != 0)
            {
                c = Next(header, ref at);
                if (back > (long.MaxValue >> 8))
                {
                    throw new InvalidDataException("a delta base distance in the pack does not fit in 64 bits");
                }

                back = ((back + 1) << 7) | (long)(c & 0x7f);
            }

            baseOffset = offset - back;
            if (back <= 0 || baseOffset < 12)
            {
                throw new InvalidDataException($"the delta at {offset} names a base outside the pack");
            }
        }
        else if (kind == ReferenceDelta)
        {
            if (at + 20 > header.Length)
            {
                throw new InvalidDataException("the pack ends inside a delta's base id");
            }

            baseId = header.Slice(at, 20).ToArray();
            at += 20;
        }
        else if (kind is < 1 or > 4)
        {
            throw new InvalidDataException($"object kind {kind} at pack offset {offset} does not exist");
        }

        return new Entry(kind, size, offset + at, baseOffset, baseId);
    }

    /// <summary>
    /// Inflates an entry's data, which must come to exactly its stated size. A small object's compressed bytes are read
    /// in one call (zlib never makes data much larger than it was, so the stated size bounds them) and inflated from
    /// memory; a large one is inflated as it is read from the file.
    /// </summary>
    public byte[] Inflate(Entry entry)
    {
        var remaining = _pack.Length - entry.DataOffset;
        if (entry.Size > 1 << 20)
        {
            _pack.Position = entry.DataOffset;
            using var streamed = new ZLibStream(_pack, CompressionMode.Decompress, leaveOpen: true);
            return ZlibData.ReadExactly(streamed, entry.Size, remaining);
        }

        var bound = (int)Math.Min(entry.Size + (entry.Size >> 8) + 64, remaining);
        var compressed = ArrayPool<byte>.Shared.Rent(Math.Max(bound, 1));
        try
        {
            var read = RandomAccess.Read(_pack.SafeFileHandle, compressed.AsSpan(0, bound), entry.DataOffset);
            using var source = new MemoryStream(compressed, 0, read, writable: false);
            using var zlib = new ZLibStream(source, CompressionMode.Decompress);
            return ZlibData.ReadExactly(zlib, entry.Size, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    public void Dispose() => _pack.Dispose();

    private static int Next(ReadOnlySpan<byte> header, ref int at) =>
        at < header.Length ? header[at++] : throw new InvalidDataException("the pack ends inside an object header");

    /// <summary>A pack entry's header.</summary>
    public readonly record struct Entry(int Kind, long Size, long DataOffset, long BaseOffset, byte[]? BaseId)
    {
        public bool IsOffsetDelta => Kind == OffsetDelta;

        public bool IsReferenceDelta => Kind == ReferenceDelta;
    }
}
