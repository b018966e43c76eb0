using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>
/// A forward-only stream over content that a format stores in fixed-size blocks (cramfs pages, jffs2 data nodes,
/// UBI eraseblocks). Only one block is held in memory at a time, so a large file never is.
/// </summary>
internal sealed class BlockStream : ForwardOnlyStream
{
    private readonly Action<long, Span<byte>> _fill;
    private readonly byte[] _block;
    private readonly long _length;
    private long _position;
    private long _loadedBlock = -1;

    /// <param name="length">Content length in bytes.</param>
    /// <param name="blockSize">Bytes per block; the last block may be shorter.</param>
    /// <param name="fill">Writes block <c>i</c> into a span of exactly its length (throws UnpackException when it cannot).</param>
    public BlockStream(long length, int blockSize, Action<long, Span<byte>> fill)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        _length = length;
        _fill = fill;
        _block = new byte[(int)Math.Min(blockSize, Math.Max(length, 1))];
    }

    public override long Length => _length;

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length || buffer.IsEmpty)
        {
            return 0;
        }

        var blockSize = _block.Length;
        var index = _position / blockSize;
        var within = (int)(_position % blockSize);
        var blockLength = (int)Math.Min(blockSize, _length - (index * blockSize));
        if (index != _loadedBlock)
        {
            _loadedBlock = -1;
            _fill(index, _block.AsSpan(0, blockLength));
            _loadedBlock = index;
        }

        var n = Math.Min(buffer.Length, blockLength - within);
        _block.AsSpan(within, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
