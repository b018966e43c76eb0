namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>Produces <c>count</c> copies of one byte without holding them: a test stand-in for a decompressor's output.</summary>
internal sealed class RepeatStream(byte value, long count) : ForwardOnlyStream
{
    private long _position;

    public override long Length => count;

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, count - _position);
        buffer[..n].Fill(value);
        _position += n;
        return n;
    }
}
