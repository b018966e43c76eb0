namespace ComplianceAuditor.Engine.History;

/// <summary>
/// Bounds the bytes of history content read ahead of the checks: the reader waits while the pieces handed over and not
/// yet checked hold more than the budget. One piece larger than the budget is let through alone.
/// </summary>
internal sealed class ByteBudget(long limit)
{
    private readonly object _gate = new();
    private long _used;

    public void Take(long bytes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (_used > 0 && _used + bytes > limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Woken by Give; the timeout only lets a cancellation be seen.
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(200));
            }

            _used += bytes;
        }
    }

    public void Give(long bytes)
    {
        lock (_gate)
        {
            _used -= bytes;
            Monitor.PulseAll(_gate);
        }
    }
}
