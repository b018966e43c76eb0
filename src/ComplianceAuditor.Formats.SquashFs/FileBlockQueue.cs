namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// A file's data blocks in order: reads the size words of its block list as they are needed, works out where each
/// block lies (blocks are stored back to back from <c>blocks_start</c>) and how long it must expand, and keeps the
/// blocks scheduled ahead of the reader. Blocks scheduled by the walk's read-ahead count against the image's
/// read-ahead budget until they are taken or dropped.
/// </summary>
internal sealed class FileBlockQueue : IDisposable
{
    private readonly SquashFsImage _image;
    private readonly Inode _file;
    private readonly string _path;
    private readonly int _blockSize;
    private readonly Queue<(Task<DataBlock> Block, bool Budgeted)> _ahead = new();
    private MetadataCursor? _blockList;
    private long _listed;
    private long _nextPosition;

    public FileBlockQueue(SquashFsImage image, Inode file, string path)
    {
        _image = image;
        _file = file;
        _path = path;
        _blockSize = (int)image.Super.BlockSize;
        _nextPosition = file.BlocksStart;
    }

    /// <summary>Blocks whose size word has not been read yet.</summary>
    public long Unlisted => _file.BlockCount - _listed;

    public int Scheduled => _ahead.Count;

    /// <summary>Lists the next block and starts decompressing it on the thread pool.</summary>
    public void ScheduleNext(bool budgeted)
    {
        var (position, word, expected, what) = ListNext();
        var image = _image;
        _ahead.Enqueue((Task.Run(() => image.ReadDataBlock(position, word, expected, what)), budgeted));
    }

    /// <summary>The next block: the oldest scheduled one, or else the next listed one decompressed right here.</summary>
    public DataBlock Take()
    {
        if (_ahead.TryDequeue(out var next))
        {
            if (next.Budgeted)
            {
                _image.ReturnReadAhead();
            }

            return next.Block.GetAwaiter().GetResult();
        }

        var (position, word, expected, what) = ListNext();
        return _image.ReadDataBlock(position, word, expected, what);
    }

    public void Dispose()
    {
        // Blocks still being decompressed write into pooled buffers: wait for them before giving the buffers back.
        while (_ahead.TryDequeue(out var pending))
        {
            if (pending.Budgeted)
            {
                _image.ReturnReadAhead();
            }

            try
            {
                pending.Block.GetAwaiter().GetResult().Release();
            }
            catch (Exception e) when (e is Unpacking.UnpackException or OperationCanceledException)
            {
                // Nobody reads this block any more; its failure no longer matters.
            }
        }
    }

    private (long Position, uint Word, int Expected, string What) ListNext()
    {
        _blockList ??= new MetadataCursor(_image.Metadata, _image.InodeRegion, _file.BlockList.BlockPosition, _file.BlockList.Offset);
        var index = _listed;
        var word = _blockList.ReadUInt32();
        var position = _nextPosition;
        _nextPosition += word & ((1u << 24) - 1);
        _listed++;
        var last = index == _file.BlockCount - 1 && !_file.HasFragment;
        var expected = last ? (int)(_file.FileSize - (index * _blockSize)) : _blockSize;
        return (position, word, expected, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"file '{_path}' block {index}"));
    }
}
