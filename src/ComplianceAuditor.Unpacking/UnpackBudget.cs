namespace ComplianceAuditor.Unpacking;

/// <summary>What one audit target has used of <see cref="UnpackLimits"/>; shared by every container inside it.</summary>
public sealed class UnpackBudget(UnpackLimits limits)
{
    private long _bytes;
    private int _files;

    public UnpackLimits Limits { get; } = limits;

    public long BytesWritten => Interlocked.Read(ref _bytes);

    public int Files => Volatile.Read(ref _files);

    /// <summary>Takes one entry from the file budget; false when it is spent.</summary>
    public bool TryTakeFile() => Interlocked.Increment(ref _files) <= Limits.MaxFiles;

    /// <summary>Takes bytes from the total budget; false (and nothing taken) when they do not fit.</summary>
    public bool TryTakeBytes(long count)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _bytes);
            if (current + count > Limits.MaxTotalBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _bytes, current + count, current) == current)
            {
                return true;
            }
        }
    }
}
