using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>
/// A read-ahead buffer for scanners that look at an image 4 bytes at a time (jffs2 erase blocks, UBI eraseblocks), so
/// a scan costs one positional read per 64 KiB instead of one per word.
/// </summary>
internal sealed class ReadWindow(UnpackSource source, int capacity = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[capacity];
    private long _start;
    private int _length;

    public long Length => source.Length;

    /// <summary>
    /// The bytes at [offset, offset + count), or fewer at the end of the image. Valid until the next call;
    /// <paramref name="count"/> must not exceed the window's capacity.
    /// </summary>
    public ReadOnlySpan<byte> Get(long offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length);
        if (offset < _start || offset + count > _start + _length)
        {
            _start = offset;
            _length = source.ReadAt(offset, _buffer);
        }

        var available = (int)Math.Max(0, Math.Min(count, _start + _length - offset));
        return _buffer.AsSpan((int)(offset - _start), available);
    }
}
