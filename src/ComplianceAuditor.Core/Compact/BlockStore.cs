using Microsoft.Win32.SafeHandles;

namespace ComplianceAuditor.Core.Compact;

/// <summary>
/// Holds the byte blocks of packed records (artifacts, results) for one audit: in memory up to a budget, then in a
/// file of a work folder. Packing keeps each record small, but the number of records grows with the number of files;
/// moving what is past the budget to disk is what keeps an audit's memory the same whatever the size of the tree.
/// </summary>
/// <remarks>
/// Blocks are added by one writer at a time and read from any thread. Blocks read back are shared and must not be
/// changed. The file is deleted as soon as it is created (on Unix) or when the store is disposed (on Windows), so it
/// cannot outlive the process, whichever way the process ends.
/// </remarks>
public sealed class BlockStore : IDisposable
{
    /// <summary>Blocks read back from the file and kept for the next read; enough for a few readers walking in order.</summary>
    private const int CachedBlocks = 8;

    private readonly object _gate = new();
    private readonly string? _spillFolder;
    private readonly long _memoryBudget;
    private readonly List<Slot> _slots = [];
    private readonly (int Id, byte[] Data)[] _cache = new (int, byte[])[CachedBlocks];
    private int _nextCacheSlot;
    private SafeFileHandle? _file;
    private bool _disposed;

    /// <param name="spillFolder">Where blocks past the budget go; null keeps every block in memory.</param>
    /// <param name="memoryBudget">How many bytes of blocks stay in memory before the rest go to the folder.</param>
    public BlockStore(string? spillFolder, long memoryBudget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memoryBudget);
        _spillFolder = spillFolder;
        _memoryBudget = memoryBudget;
        for (var i = 0; i < _cache.Length; i++)
        {
            _cache[i] = (-1, []);
        }
    }

    /// <summary>A store that never writes to disk: for small audits, libraries and tests.</summary>
    public static BlockStore InMemory() => new(null, long.MaxValue);

    public long BytesInMemory { get; private set; }

    public long BytesOnDisk { get; private set; }

    /// <summary>Stores <paramref name="block"/>, which the store now owns, and returns its id.</summary>
    public int Add(byte[] block)
    {
        ArgumentNullException.ThrowIfNull(block);
        int id;
        long offset;
        SafeFileHandle file;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_spillFolder is null || BytesInMemory + block.Length <= _memoryBudget)
            {
                _slots.Add(new Slot(block, 0, block.Length));
                BytesInMemory += block.Length;
                return _slots.Count - 1;
            }

            try
            {
                _file ??= CreateFile(_spillFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw SpillFailed(e);
            }

            // The place in the file is taken now and written below, outside the lock, so that readers of blocks in
            // memory do not wait for the disk. Nobody reads the block before its id is returned.
            file = _file;
            offset = BytesOnDisk;
            BytesOnDisk += block.Length;
            _slots.Add(new Slot(null, offset, block.Length));
            id = _slots.Count - 1;
        }

        try
        {
            RandomAccess.Write(file, block, offset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SpillFailed(e);
        }

        return id;
    }

    private IOException SpillFailed(Exception e) =>
        new($"could not write packed records to the work folder '{_spillFolder}': {e.Message}", e);

    /// <summary>A copy of <paramref name="block"/> stored; see <see cref="Add(byte[])"/>.</summary>
    public int Add(ReadOnlySpan<byte> block) => Add(block.ToArray());

    /// <summary>
    /// Lets go of a block nobody will read again (a list merged into another): its memory counts no more against the
    /// budget. A block on disk keeps its place in the file, which is never rewritten.
    /// </summary>
    public void Free(int id)
    {
        lock (_gate)
        {
            var slot = _slots[id];
            if (slot.Data is { } data)
            {
                BytesInMemory -= data.Length;
            }

            _slots[id] = new Slot(null, -1, 0);
            for (var i = 0; i < _cache.Length; i++)
            {
                if (_cache[i].Id == id)
                {
                    _cache[i] = (-1, []);
                }
            }
        }
    }

    /// <summary>The block with id <paramref name="id"/>; shared, not to be changed.</summary>
    public byte[] Get(int id)
    {
        Slot slot;
        SafeFileHandle file;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            slot = _slots[id];
            if (slot.Data is { } data)
            {
                return data;
            }

            if (slot.Offset < 0)
            {
                throw new InvalidOperationException($"block {id} was freed and cannot be read");
            }

            foreach (var (cachedId, cached) in _cache)
            {
                if (cachedId == id)
                {
                    return cached;
                }
            }

            file = _file!;
        }

        // The read happens outside the lock: readers of blocks held in memory should not wait for the disk.
        var block = new byte[slot.Length];
        var done = 0;
        while (done < block.Length)
        {
            var read = RandomAccess.Read(file, block.AsSpan(done), slot.Offset + done);
            if (read == 0)
            {
                throw new IOException($"the work file of packed records ends before block {id}");
            }

            done += read;
        }

        lock (_gate)
        {
            _cache[_nextCacheSlot] = (id, block);
            _nextCacheSlot = (_nextCacheSlot + 1) % _cache.Length;
        }

        return block;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _slots.Clear();
            _file?.Dispose();
            _file = null;
        }
    }

    private static SafeFileHandle CreateFile(string folder)
    {
        var path = Path.Combine(folder, $"records-{Guid.NewGuid():N}.bin");
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // The open handle keeps the data; without a name the file goes with the process, even a killed one.
            File.Delete(path);
        }

        return file;
    }

    private readonly record struct Slot(byte[]? Data, long Offset, int Length);
}
