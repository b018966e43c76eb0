using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>One piece of content assembled from an image: bytes at an offset, or a run of one fill byte.</summary>
/// <param name="SourceOffset">Where the bytes are in the image; null for a fill run.</param>
internal readonly record struct Segment(long? SourceOffset, long Length, byte Fill = 0);

/// <summary>
/// A forward-only stream that reads a list of segments straight from the image (UBI volumes are their logical
/// eraseblocks in order, scattered over the physical ones), so nothing is buffered beyond the caller's buffer.
/// </summary>
internal sealed class SegmentStream : ForwardOnlyStream
{
    private readonly UnpackSource _source;
    private readonly IReadOnlyList<Segment> _segments;
    private readonly long _length;
    private int _segment;
    private long _within;
    private long _position;

    public SegmentStream(UnpackSource source, IReadOnlyList<Segment> segments)
    {
        _source = source;
        _segments = segments;
        _length = segments.Sum(s => s.Length);
    }

    public override long Length => _length;

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_segment < _segments.Count && _within >= _segments[_segment].Length)
        {
            _segment++;
            _within = 0;
        }

        if (_segment >= _segments.Count || buffer.IsEmpty)
        {
            return 0;
        }

        var segment = _segments[_segment];
        var n = (int)Math.Min(buffer.Length, segment.Length - _within);
        if (segment.SourceOffset is { } offset)
        {
            _source.ReadExactly(offset + _within, buffer[..n], "volume data");
        }
        else
        {
            buffer[..n].Fill(segment.Fill);
        }

        _within += n;
        _position += n;
        return n;
    }
}
