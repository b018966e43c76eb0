using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Common;

/// <summary>
/// A read-only pass-through stream that shows every byte read to <paramref name="observe"/> and calls
/// <paramref name="atEnd"/> once when the inner stream is exhausted. Readers use it to check a checksum while the
/// driver copies an entry, so the content is read once rather than once for the check and once for the copy.
/// </summary>
internal sealed class ObservedStream(Stream inner, Action<ReadOnlySpan<byte>> observe, Action atEnd) : ForwardOnlyStream
{
    private bool _ended;

    public override long Length => inner.Length;

    public override long Position => inner.Position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0)
        {
            observe(buffer[..n]);
        }
        else if (!_ended && buffer.Length > 0)
        {
            _ended = true;
            atEnd();
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
