namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The shape of every content stream the readers hand out: read-only and forward-only, with no length unless the
/// format knows it. Subclasses implement reading (and <see cref="Stream.Length"/> or the <see cref="Position"/>
/// getter where they can); everything a read-only stream refuses is refused here, once.
/// </summary>
public abstract class ForwardOnlyStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Subclasses that count what they produced override the getter; nobody can move it.</summary>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
