using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Hands the scan's items to the caller from a thread of its own, in the order they were posted, working out the added
/// lines of each text file there: the walk (trees, blobs, inflating) and the line comparison then run side by side, on
/// two cores about a third faster. Bounded by bytes: the walk waits while the posted, unhandled content holds more
/// than <see cref="MaxQueuedBytes"/>. The caller's callback runs on this thread only, one item at a time.
/// </summary>
internal sealed class ItemPipeline : IDisposable
{
    private const long MaxQueuedBytes = 32L * 1024 * 1024;

    private readonly BlockingCollection<(Func<HistoryItem?> Work, long Bytes)> _queue = new(boundedCapacity: 4096);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly Action<HistoryItem> _sink;
    private readonly Task _worker;
    private long _queuedBytes;
    private volatile Exception? _failure;

    public ItemPipeline(Action<HistoryItem> sink)
    {
        _sink = sink;
        _worker = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Items handed over so far; final once <see cref="Finish"/> has returned.</summary>
    public int Count { get; private set; }

    /// <summary>Posts work that makes an item (or nothing); throws <see cref="OperationCanceledException"/> once the callback has failed.</summary>
    public void Post(Func<HistoryItem?> work, long bytes)
    {
        lock (_gate)
        {
            while (_queuedBytes > 0 && _queuedBytes + bytes > MaxQueuedBytes && !_stop.IsCancellationRequested)
            {
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(200));
            }

            _queuedBytes += bytes;
        }

        _queue.Add((work, bytes), _stop.Token);
    }

    /// <summary>
    /// Throws now when the callback has failed: the walk checks this between commits, so a consumer that stopped is
    /// noticed even when no item is posted for a long stretch of history.
    /// </summary>
    public void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new OperationCanceledException("the consumer of the history items stopped", _failure);
        }
    }

    /// <summary>Waits until every posted item was handed over; rethrows what the callback threw, if it did.</summary>
    public void Finish()
    {
        _queue.CompleteAdding();
        _worker.Wait();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _queue.CompleteAdding();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException)
        {
            // The failure, if any, was already given to Finish's caller or is moot after an earlier one.
        }

        _queue.Dispose();
        _stop.Dispose();
    }

    private void Drain()
    {
        try
        {
            foreach (var (work, bytes) in _queue.GetConsumingEnumerable(_stop.Token))
            {
                var item = work();
                lock (_gate)
                {
                    _queuedBytes -= bytes;
                    Monitor.PulseAll(_gate);
                }

                if (item is not null)
                {
                    Count++;
                    _sink(item);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested && _failure is null)
        {
            // Disposed before the end: the walk itself failed and says why.
        }
#pragma warning disable CA1031 // Whatever the callback throws is handed back to the walk's thread by Finish.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = e;
            _stop.Cancel();
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
