namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>Gives the bytes of an inner stream, then fails the way a decompressor does on corrupt input.</summary>
internal sealed class FailingStream(Stream inner) : ForwardOnlyStream
{
    public const string Message = "tcnt: checksum mismatch after the readable part";

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        return n > 0 ? n : throw new InvalidDataException(Message);
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
