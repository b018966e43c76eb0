namespace ComplianceAuditor.Cli.Memory;

/// <summary>
/// Keeps the garbage collector's young generation small during a long command, so that memory stays flat whatever
/// the size of the input. What an audit keeps is packed and bounded (see <c>BlockStore</c>), but the runtime lets
/// the young generation grow to tens of megabytes of garbage before it collects, and that garbage, not what is kept,
/// made most of the peak on large trees. The runtime's own knob for it (<c>DOTNET_GCgen0size</c>) is read from the
/// environment only, not from the runtime configuration we ship, so the pacing is done here: when the process has
/// allocated <see cref="AllocationBetweenCollections"/> since the last collection, the youngest generation is
/// collected. Only that one: what is still in use moves up one generation, where it can still die cheaply, instead of
/// into the oldest, which only a full collection sweeps.
/// Measured: on /usr (150,000 files), before the other memory work, 365-387 MB by default and 270-287 MB with
/// <c>DOTNET_GCgen0size</c> at 16 MB, the same run time; unpacking a 470 MB image of /usr/share, 267 MB without
/// pacing and 231-248 MB with it.
/// Past <see cref="SoftLimit"/> of resident memory, and only while the heap holds unused committed memory, the pacer
/// also compacts the whole heap and returns that memory. Measured on all of /usr with its archives opened (355,000
/// artifacts): the hardening rules 322-331 MB before, 248-265 MB after, 54-62 s either way; every rule 360 MB and
/// 136 s before, 313 MB and 141 s after. Compacting without the slack test cost 40 % more time on the full rule set,
/// where the live data, not slack, is what is large.
/// </summary>
internal sealed class MemoryPacer : IDisposable
{
    private const long AllocationBetweenCollections = 32L << 20;

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Resident memory past which the pacer also compacts the whole heap and hands free memory back to the system.
    /// The runtime keeps emptied heap regions committed for a while in case they are needed again; on a tree of
    /// hundreds of thousands of files that slack, not live data, made up most of the peak (measured: 55-62 MB live,
    /// 150 MB committed, 320 MB resident on all of /usr).
    /// </summary>
    private const long SoftLimit = 224L << 20;

    /// <summary>After a compaction, how much more resident memory it takes before the next: no thrashing when the live data itself is large.</summary>
    private const long CompactionStep = 24L << 20;

    /// <summary>Unused committed heap worth a compaction.</summary>
    private const long MinimumSlack = 32L << 20;

    /// <summary>At most one compaction per this interval: a full compaction of a large heap costs a tenth of a second.</summary>
    private static readonly TimeSpan CompactionInterval = TimeSpan.FromMilliseconds(500);

    private readonly Timer _timer;
    private long _allocatedAtLastCollection;
    private int _collections;
    private int _busy;
    private long _residentAfterCompaction;
    private long _lastCompaction = Environment.TickCount64;

    private MemoryPacer()
    {
        _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();
        _collections = GC.CollectionCount(0);
        _timer = new Timer(_ => Tick(), null, Period, Period);
    }

    public static MemoryPacer Start() => new();

    /// <summary>
    /// A full, compacting collection that also returns free memory to the system: for the boundary between phases,
    /// when what the last phase built is garbage in the oldest generation, which no young collection reaches.
    /// </summary>
    public static void GiveBack() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    public void Dispose() => _timer.Dispose();

    /// <summary>
    /// Whether the heap holds enough committed memory it does not use for a compaction to return some: when the live
    /// data itself is what is large (a rich rule set at work), compacting costs time and gives nothing back.
    /// </summary>
    private static bool HasSlack()
    {
        var info = GC.GetGCMemoryInfo();
        return info.TotalCommittedBytes - info.HeapSizeBytes + info.FragmentedBytes > MinimumSlack;
    }

    private void Tick()
    {
        // A tick that runs long (a collection) must not be overlapped by the next one.
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }

        try
        {
            var resident = Environment.WorkingSet;
            if (resident > SoftLimit && resident > _residentAfterCompaction + CompactionStep
                && Environment.TickCount64 - _lastCompaction >= (long)CompactionInterval.TotalMilliseconds
                && HasSlack())
            {
                GiveBack();
                _lastCompaction = Environment.TickCount64;
                _residentAfterCompaction = Environment.WorkingSet;
                _collections = GC.CollectionCount(0);
                _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();
                return;
            }

            var allocated = GC.GetTotalAllocatedBytes();
            var collections = GC.CollectionCount(0);
            if (collections != _collections)
            {
                // The runtime collected on its own meanwhile: count from there.
                _collections = collections;
                _allocatedAtLastCollection = allocated;
            }
            else if (allocated - _allocatedAtLastCollection >= AllocationBetweenCollections)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: false);
                _collections = GC.CollectionCount(0);
                _allocatedAtLastCollection = allocated;
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }
}
