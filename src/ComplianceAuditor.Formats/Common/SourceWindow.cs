using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Common;

/// <summary>
/// A read-ahead cache over an <see cref="UnpackSource"/> for parsers that read many small, mostly ascending
/// structures (cpio headers, device-tree tokens): one positional read per window instead of one per field.
/// Not thread-safe; each enumeration owns its own.
/// </summary>
internal sealed class SourceWindow(UnpackSource source, string format, int windowSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[windowSize];
    private long _start = -1;
    private int _count;

    public UnpackSource Source => source;

    public long Length => source.Length;

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/>; throws an <see cref="UnpackException"/>
    /// naming <paramref name="what"/> when they are not all inside the source. The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Read(long offset, int length, string what)
    {
        if (length < 0 || length > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        if (offset < 0 || offset > source.Length - length)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"{format}: {what} at 0x{offset:x} ({length} bytes) runs past the end of the {source.Length}-byte image"));
        }

        if (_start < 0 || offset < _start || offset + length > _start + _count)
        {
            _start = offset;
            _count = source.ReadAt(offset, _buffer);
            if (_count < length)
            {
                throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                    $"{format}: {what} at 0x{offset:x} could not be read ({_count} of {length} bytes)"));
            }
        }

        return _buffer.AsSpan((int)(offset - _start), length);
    }
}
