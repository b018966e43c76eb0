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

        _pack.Position = offset;
        var c = Next();
        var kind = (c >> 4) & 7;
        long size = c & 15;
        var shift = 4;
        while ((c & 0x80) != 0)
        {
            c = Next();
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
            c = Next();
            long back = c & 0x7f;
            while ((c & 0x80) != 0)
            {
                c = Next();
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
            baseId = new byte[20];
            _pack.ReadExactly(baseId);
        }
        else if (kind is < 1 or > 4)
        {
            throw new InvalidDataException($"object kind {kind} at pack offset {offset} does not exist");
        }

        return new Entry(kind, size, _pack.Position, baseOffset, baseId);
    }

    /// <summary>Inflates an entry's data, which must come to exactly its stated size.</summary>
    public byte[] Inflate(Entry entry)
    {
        if (entry.Size > Array.MaxLength)
        {
            throw new InvalidDataException($"an object of {entry.Size} bytes is larger than can be held");
        }

        _pack.Position = entry.DataOffset;
        using var zlib = new ZLibStream(_pack, CompressionMode.Decompress, leaveOpen: true);
        var data = new byte[entry.Size];
        zlib.ReadExactly(data);
        return data;
    }

    public void Dispose() => _pack.Dispose();

    private int Next() => _pack.ReadByte() is var b and >= 0 ? b : throw new InvalidDataException("the pack ends inside an object header");

    /// <summary>A pack entry's header.</summary>
    public readonly record struct Entry(int Kind, long Size, long DataOffset, long BaseOffset, byte[]? BaseId)
    {
        public bool IsOffsetDelta => Kind == OffsetDelta;

        public bool IsReferenceDelta => Kind == ReferenceDelta;
    }
}
