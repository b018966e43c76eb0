using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// The bytes of an image carved out of a larger file: a window (offset, length) of that file, read in place, so a
/// 64 MB partition inside a flash dump is never copied.
/// </summary>
internal sealed class WindowContent(string path, long offset, long length) : IArtifactContent
{
    public string File => path;

    public long Offset => offset;

    public long Length => length;

    public Stream OpenRead()
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        return new WindowStream(stream, offset, length);
    }

    /// <summary>A read-only view of [offset, offset + length) of a stream it owns.</summary>
    private sealed class WindowStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _offset;
        private readonly long _length;
        private long _position;

        public WindowStream(Stream inner, long offset, long length)
        {
            _inner = inner;
            _offset = offset;
            _length = length;
            _inner.Position = offset;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set
            {
                ArgumentOutOfRangeException.ThrowIfNegative(value);
                _position = value;
                _inner.Position = _offset + Math.Min(value, _length);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var left = _length - _position;
            if (left <= 0)
            {
                return 0;
            }

            var n = _inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
