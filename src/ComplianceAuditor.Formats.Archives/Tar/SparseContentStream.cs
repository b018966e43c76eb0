using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>
/// The logical content of a sparse tar entry: stored runs read from the archive where the map puts them, zeros in the
/// holes between and after them. Forward-only; nothing is buffered beyond the caller's buffer.
/// </summary>
internal sealed class SparseContentStream : ForwardOnlyStream
{
    private readonly UnpackSource _source;
    private readonly long _dataOffset;
    private readonly IReadOnlyList<SparseSegment> _segments;
    private readonly long _realSize;
    private readonly CancellationToken _cancellationToken;
    private long _position;
    private int _segment;
    private long _storedBefore;

    /// <param name="segments">Validated runs (ordered, inside the file, adding up to what is stored at <paramref name="dataOffset"/>).</param>
    public SparseContentStream(UnpackSource source, long dataOffset, IReadOnlyList<SparseSegment> segments, long realSize, CancellationToken cancellationToken)
    {
        _source = source;
        _dataOffset = dataOffset;
        _segments = segments;
        _realSize = realSize;
        _cancellationToken = cancellationToken;
    }

    public override long Length => _realSize;

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty || _position >= _realSize)
        {
            return 0;
        }

        // Step past runs that end at or before the current position (zero-length runs included).
        while (_segment < _segments.Count && _segments[_segment].Offset + _segments[_segment].Length <= _position)
        {
            _storedBefore += _segments[_segment].Length;
            _segment++;
        }

        int count;
        if (_segment < _segments.Count && _segments[_segment].Offset <= _position)
        {
            var run = _segments[_segment];
            count = (int)Math.Min(buffer.Length, run.Offset + run.Length - _position);
            var at = _dataOffset + _storedBefore + (_position - run.Offset);
            _source.ReadExactly(at, buffer[..count], "tar sparse data");
        }
        else
        {
            var holeEnd = _segment < _segments.Count ? _segments[_segment].Offset : _realSize;
            count = (int)Math.Min(buffer.Length, holeEnd - _position);
            buffer[..count].Clear();
        }

        _position += count;
        return count;
    }
}
