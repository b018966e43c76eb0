using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Read-only random access to the bytes of one image: a window (offset, length) of a file, or of memory. Reads are
/// positional and thread-safe, and never go outside the window, so a reader cannot see past the image it was given.
/// </summary>
public sealed class UnpackSource
{
    private readonly Func<long, Span<byte>, int> _read;
    private readonly long _start;

    private UnpackSource(string name, long start, long length, Func<long, Span<byte>, int> read)
    {
        Name = name;
        _start = start;
        Length = length;
        _read = read;
    }

    /// <summary>Names the image in error messages (its virtual path).</summary>
    public string Name { get; }

    public long Length { get; }

    /// <summary>A window of a file opened by the caller, who keeps the handle open while the source is in use.</summary>
    public static UnpackSource FromFile(string name, SafeFileHandle file, long offset, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new UnpackSource(name, offset, length, (position, buffer) => RandomAccess.Read(file, buffer, position));
    }

    public static UnpackSource FromBytes(string name, ReadOnlyMemory<byte> bytes) =>
        new(name, 0, bytes.Length, (position, buffer) =>
        {
            var available = bytes.Span[(int)position..];
            var n = Math.Min(available.Length, buffer.Length);
            available[..n].CopyTo(buffer);
            return n;
        });

    /// <summary>A window of this source; the slice's offset 0 is this source's <paramref name="offset"/>.</summary>
    public UnpackSource Slice(long offset, long length, string? name = null)
    {
        if (offset < 0 || length < 0 || offset > Length || length > Length - offset)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"{Name}: range at 0x{offset:x} of {length} bytes is outside the {Length}-byte image"));
        }

        return new UnpackSource(name ?? Name, _start + offset, length, _read);
    }

    /// <summary>Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/>; fewer only at the end of the window.</summary>
    public int ReadAt(long offset, Span<byte> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= Length)
        {
            return 0;
        }

        var want = (int)Math.Min(buffer.Length, Length - offset);
        var total = 0;
        while (total < want)
        {
            var n = _read(_start + offset + total, buffer[total..want]);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Reads exactly <c>buffer.Length</c> bytes at <paramref name="offset"/>, or throws naming <paramref name="what"/>.</summary>
    public void ReadExactly(long offset, Span<byte> buffer, string what)
    {
        if (offset < 0 || buffer.Length > Length || offset > Length - buffer.Length || ReadAt(offset, buffer) != buffer.Length)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {what} (offset 0x{offset:x}, {buffer.Length} bytes) extends past the end of the {Length}-byte image"));
        }
    }

    /// <summary>A new seekable read-only stream over the window, for readers and libraries that want a stream.</summary>
    public Stream OpenStream() => new SourceStream(this);

    private sealed class SourceStream(UnpackSource source) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => source.Length;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = source.ReadAt(_position, buffer);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => source.Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
