namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Decompressed fragment blocks (the packed tail ends of small files), keyed by fragment index, most recently used
/// last. The walk warms the blocks that files it has seen ahead will need, on the thread pool; a stream takes its
/// tail from here and copies it at once, so a block can be evicted as soon as nobody is decompressing into it.
/// Used by the enumerating thread only; its decompressions run elsewhere.
/// </summary>
internal sealed class FragmentCache(SquashFsImage image, int capacity)
{
    private readonly List<Slot> _slots = [];

    /// <summary>Starts decompressing fragment block <paramref name="index"/> in the background unless it is cached.</summary>
    public bool Warm(uint index, string path)
    {
        if (Find(index) >= 0)
        {
            return false;
        }

        var (start, sizeWord) = image.FragmentLocation(index);
        Add(new Slot(index, Task.Run(() => image.ReadFragment(start, sizeWord, index, path)), Warmed: true));
        return true;
    }

    /// <summary>The fragment block, waiting for its decompression if it is under way; valid until the next call.</summary>
    public DataBlock Get(uint index, string path)
    {
        var at = Find(index);
        Slot slot;
        if (at >= 0)
        {
            slot = _slots[at];
            _slots.RemoveAt(at);
            if (slot.Warmed)
            {
                image.ReturnReadAhead();
                slot = slot with { Warmed = false };
            }

            _slots.Add(slot);
        }
        else
        {
            var (start, sizeWord) = image.FragmentLocation(index);
            slot = new Slot(index, Task.FromResult(image.ReadFragment(start, sizeWord, index, path)), Warmed: false);
            Add(slot);
        }

        return slot.Block.GetAwaiter().GetResult();
    }

    public void Clear()
    {
        foreach (var slot in _slots)
        {
            Release(slot);
        }

        _slots.Clear();
    }

    private int Find(uint index) => _slots.FindIndex(s => s.Index == index);

    private void Add(Slot slot)
    {
        // The walk warms at most as many blocks as its read-ahead budget, and the capacity exceeds that budget, so
        // what gets evicted here is a block already used, never one warmed and still awaited.
        if (_slots.Count >= capacity)
        {
            Release(_slots[0]);
            _slots.RemoveAt(0);
        }

        _slots.Add(slot);
    }

    private void Release(Slot slot)
    {
        if (slot.Warmed)
        {
            image.ReturnReadAhead();
        }

        // A decompression still running writes into the pooled buffer: give it back only once it is done.
        slot.Block.ContinueWith(static t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                t.Result.Release();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed record Slot(uint Index, Task<DataBlock> Block, bool Warmed);
}
