using System.Buffers;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// A file's content, decompressed a block at a time: its data blocks in order, then the tail end cut from a
/// fragment block. Holds the block being read, plus up to <see cref="SquashFsImage.Window"/> blocks being
/// decompressed ahead of it on the thread pool, so a large file keeps every core busy while the caller writes what
/// it already has.
/// </summary>
internal sealed class FileContentStream : ForwardOnlyStream
{
    private readonly SquashFsImage _image;
    private readonly Inode _file;
    private readonly string _path;
    private readonly FileBlockQueue _blocks;
    private readonly int _blockSize;

    private long _consumed;
    private bool _tailDone;
    private DataBlock _current;
    private bool _hasCurrent;
    private int _currentOffset;
    private long _position;
    private bool _disposed;

    /// <param name="blocks">The file's block queue, possibly with blocks already scheduled by the walk's read-ahead; the stream owns it.</param>
    public FileContentStream(SquashFsImage image, Inode file, string path, FileBlockQueue blocks)
    {
        _image = image;
        _file = file;
        _path = path;
        _blocks = blocks;
        _blockSize = (int)image.Super.BlockSize;
        _tailDone = !file.HasFragment || file.FileSize % _blockSize == 0;
    }

    public override long Length => _file.FileSize;

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var total = 0;
        while (!buffer.IsEmpty && _position < _file.FileSize)
        {
            if (!_hasCurrent || _currentOffset == _current.Length)
            {
                Advance();
            }

            var n = Math.Min(buffer.Length, _current.Length - _currentOffset);
            _current.Buffer.AsSpan(_currentOffset, n).CopyTo(buffer);
            _currentOffset += n;
            _position += n;
            total += n;
            buffer = buffer[n..];
        }

        return total;
    }

    /// <summary>Writes the blocks straight from the decompression buffers, without the copy a Read loop makes.</summary>
    public override void CopyTo(Stream destination, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_position < _file.FileSize)
        {
            if (!_hasCurrent || _currentOffset == _current.Length)
            {
                Advance();
            }

            var n = _current.Length - _currentOffset;
            destination.Write(_current.Buffer, _currentOffset, n);
            _currentOffset += n;
            _position += n;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            ReleaseCurrent();
            _blocks.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Advance()
    {
        ReleaseCurrent();
        _image.Context.CancellationToken.ThrowIfCancellationRequested();
        if (_consumed < _file.BlockCount)
        {
            // Keep up to Window blocks in flight; a file's last block alone is not worth a task.
            while (_image.Parallelism > 1 && _blocks.Scheduled < _image.Window && _blocks.Unlisted > 0
                   && (_blocks.Scheduled > 0 || _blocks.Unlisted > 1))
            {
                _blocks.ScheduleNext(budgeted: false);
            }

            _current = _blocks.Take();
            _consumed++;
        }
        else if (!_tailDone)
        {
            _current = ReadTail();
            _tailDone = true;
        }
        else
        {
            // The blocks and the tail are used up before the declared size: the inode contradicts itself.
            throw Errors.Malformed($"file '{_path}' ends after {_position} of its {_file.FileSize} bytes");
        }

        _hasCurrent = true;
        _currentOffset = 0;
    }

    private DataBlock ReadTail()
    {
        var tail = (int)(_file.FileSize % _blockSize);
        var fragment = _image.Fragments.Get(_file.FragmentIndex, _path);
        if (_file.FragmentOffset > (uint)fragment.Length || tail > fragment.Length - (int)_file.FragmentOffset)
        {
            throw Errors.Malformed($"file '{_path}' takes {tail} bytes at offset {_file.FragmentOffset} of fragment {_file.FragmentIndex}, which holds {fragment.Length}");
        }

        // The fragment block belongs to the cache, so the tail is copied into a buffer of this stream's own.
        var copy = ArrayPool<byte>.Shared.Rent(tail);
        fragment.Buffer.AsSpan((int)_file.FragmentOffset, tail).CopyTo(copy);
        return new DataBlock(copy, tail);
    }

    private void ReleaseCurrent()
    {
        if (_hasCurrent)
        {
            _current.Release();
            _hasCurrent = false;
        }
    }
}
