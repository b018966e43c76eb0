namespace ComplianceAuditor.Core.IO;

/// <summary>
/// A read-only, forward-only view of a stream that throws once more than a set number of bytes has come out of it:
/// what bounds decompression (whose output an attacker chooses) and reading a file whose size was checked (a device
/// such as <c>/dev/zero</c> reports 0 and never ends; a file that grows is not the file that was checked).
/// </summary>
/// <param name="exceeded">Builds the exception to throw, given the limit; the caller knows what going past it means.</param>
/// <param name="ownsInner">Whether disposing this stream disposes the inner one.</param>
public sealed class LimitedReadStream(Stream inner, long limit, Func<long, Exception> exceeded, bool ownsInner = true) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for at most one byte more than the limit allows, so that going past it is seen rather than cut off.
        var count = inner.Read(buffer[..Allowed(buffer.Length)]);
        Account(count);
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false);
        Account(count);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Allowed(int wanted) => (int)Math.Min(wanted, Math.Max(0, limit - _read) + 1);

    private void Account(int count)
    {
        _read += count;
        if (_read > limit)
        {
            throw exceeded(limit);
        }
    }
}
