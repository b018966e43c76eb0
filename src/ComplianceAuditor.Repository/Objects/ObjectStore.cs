using System.IO.Compression;
using System.Text;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// Reads trees and blobs straight from a repository's packs and loose objects. The history scan reads hundreds of
/// thousands of objects, and through LibGit2Sharp each tree entry cost about 3 µs of marshalling; this reader hands
/// back plain bytes. It reads only what it is sure of (version 2 pack indexes, SHA-1 ids, the four object kinds and
/// both delta kinds) and answers <see cref="ReadStatus.NotHere"/> for anything else (alternates, a damaged pack, an
/// unknown format), so the caller asks libgit2, which then reports the damage in its own words. Not thread-safe.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    /// <summary>Deltas resting on deltas deeper than this are refused (git packs 50 deep, 250 with old --aggressive).</summary>
    private const int MaxChain = 300;

    /// <summary>Inflated bases kept for the deltas that follow them; cleared when past this many bytes.</summary>
    private const long CacheBytes = 32L * 1024 * 1024;

    private readonly string _objects;
    private readonly List<PackFile> _packs = [];
    private readonly Dictionary<(PackFile Pack, long Offset), (RawKind Kind, byte[] Data)> _cache = [];
    private long _cached;

    public ObjectStore(string gitDirectory)
    {
        _objects = Path.Combine(gitDirectory, "objects");
        var packDirectory = Path.Combine(_objects, "pack");
        if (!Directory.Exists(packDirectory))
        {
            return;
        }

        try
        {
            foreach (var index in Directory.GetFiles(packDirectory, "*.idx").Order(StringComparer.Ordinal))
            {
                if (PackFile.Open(index) is { } pack)
                {
                    _packs.Add(pack);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Whatever could not be listed is read through libgit2.
        }
    }

    /// <summary>Reads an object of at most <paramref name="maxBytes"/> bytes; never throws for a damaged repository.</summary>
    public RawObject Read(ReadOnlySpan<byte> id, long maxBytes)
    {
        try
        {
            foreach (var pack in _packs)
            {
                var offset = pack.Index.Find(id);
                if (offset >= 0)
                {
                    return ReadPacked(pack, offset, maxBytes);
                }
            }

            return ReadLoose(id, maxBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or OverflowException or ArgumentException)
        {
            return RawObject.NotHere;
        }
    }

    private RawObject ReadPacked(PackFile pack, long offset, long maxBytes)
    {
        var deltas = new List<byte[]>();
        var visited = new HashSet<(PackFile, long)>();
        long deltaBytes = 0;
        var at = (Pack: pack, Offset: offset);
        (RawKind Kind, byte[] Data) found;
        while (true)
        {
            if (_cache.TryGetValue(at, out found))
            {
                // Kept as another object's base, it may be larger than this caller reads.
                if (deltas.Count == 0 && found.Data.Length > maxBytes)
                {
                    return new RawObject(ReadStatus.TooLarge, found.Kind, found.Data.Length, []);
                }

                break;
            }

            // A reference delta may name itself or a delta that leads back to it: a cycle is a crafted pack.
            if (!visited.Add(at))
            {
                return RawObject.Refused;
            }

            var entry = at.Pack.ReadEntry(at.Offset);
            if (entry.IsOffsetDelta || entry.IsReferenceDelta)
            {
                // A delta is no larger than what it makes plus its instructions, and a chain's deltas together are
                // bounded like its results: past that, the pack is crafted or better left to libgit2.
                deltaBytes += entry.Size;
                if (entry.Size > (2 * maxBytes) + 4096 || deltas.Count >= MaxChain || deltaBytes > ChainBound(maxBytes))
                {
                    return RawObject.Refused;
                }

                deltas.Add(at.Pack.Inflate(entry));
                if (entry.IsOffsetDelta)
                {
                    at = (at.Pack, entry.BaseOffset);
                }
                else if (Locate(entry.BaseId!) is { } located)
                {
                    at = located;
                }
                else
                {
                    return RawObject.NotHere;
                }

                continue;
            }

            if (deltas.Count == 0 && entry.Size > maxBytes)
            {
                return new RawObject(ReadStatus.TooLarge, (RawKind)entry.Kind, entry.Size, []);
            }

            if (entry.Size > ChainBound(maxBytes))
            {
                // A base far larger than the object made from it: a crafted pack, or one libgit2 had better read.
                return RawObject.NotHere;
            }

            found = ((RawKind)entry.Kind, at.Pack.Inflate(entry));
            Remember(at, found);
            break;
        }

        var data = found.Data;
        long built = 0;
        for (var i = deltas.Count - 1; i >= 0; i--)
        {
            var size = Delta.ResultSize(deltas[i]);
            if (i == 0 && size > maxBytes)
            {
                return new RawObject(ReadStatus.TooLarge, found.Kind, size, []);
            }

            // Every step copies its whole result: a long chain of large results costs far more than the object.
            built += size;
            if (size > ChainBound(maxBytes) || built > 2 * ChainBound(maxBytes))
            {
                return RawObject.Refused;
            }

            data = Delta.Apply(data, deltas[i]);
        }

        if (deltas.Count > 0)
        {
            // The next commit's version of a file is usually a delta against this one.
            Remember((pack, offset), (found.Kind, data));
        }

        return new RawObject(ReadStatus.Ok, found.Kind, data.Length, data);
    }

    /// <summary>How large a base or an intermediate result of a delta chain may be for an object of at most <paramref name="maxBytes"/>.</summary>
    private static long ChainBound(long maxBytes) => Math.Min(Array.MaxLength, (4 * maxBytes) + (1 << 20));

    private (PackFile Pack, long Offset)? Locate(byte[] id)
    {
        foreach (var pack in _packs)
        {
            var offset = pack.Index.Find(id);
            if (offset >= 0)
            {
                return (pack, offset);
            }
        }

        return null;
    }

    private void Remember((PackFile Pack, long Offset) at, (RawKind Kind, byte[] Data) value)
    {
        if (value.Data.Length > CacheBytes / 8)
        {
            return;
        }

        if (_cached + value.Data.Length > CacheBytes)
        {
            _cache.Clear();
            _cached = 0;
        }

        if (_cache.TryAdd(at, value))
        {
            _cached += value.Data.Length;
        }
    }

    /// <summary>A loose object: zlib around "kind size\0content".</summary>
    private RawObject ReadLoose(ReadOnlySpan<byte> id, long maxBytes)
    {
        var hex = Convert.ToHexStringLower(id);
        var path = Path.Combine(_objects, hex[..2], hex[2..]);
        if (!File.Exists(path))
        {
            return RawObject.NotHere;
        }

        using var file = File.OpenRead(path);
        using var zlib = new ZLibStream(file, CompressionMode.Decompress);
        var header = new StringBuilder();
        for (var b = zlib.ReadByte(); b != 0; b = zlib.ReadByte())
        {
            if (b < 0 || header.Length > 32)
            {
                return RawObject.NotHere;
            }

            header.Append((char)b);
        }

        var parts = header.ToString().Split(' ');
        var kind = parts[0] switch { "commit" => RawKind.Commit, "tree" => RawKind.Tree, "blob" => RawKind.Blob, "tag" => RawKind.Tag, _ => RawKind.None };
        if (parts.Length != 2 || kind == RawKind.None || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            return RawObject.NotHere;
        }

        if (size > maxBytes)
        {
            return new RawObject(ReadStatus.TooLarge, kind, size, []);
        }

        return new RawObject(ReadStatus.Ok, kind, size, ZlibData.ReadExactly(zlib, size, file.Length));
    }

    public void Dispose()
    {
        foreach (var pack in _packs)
        {
            pack.Dispose();
        }
    }
}
