using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Jffs2;

/// <summary>
/// Assembles the content of one jffs2 inode from its data nodes. Each node covers a byte range of the file; where
/// ranges overlap, the node with the higher version wins; bytes no node covers are a hole and read as zeros; the
/// file ends at the size its newest node declares. Nodes are decompressed only when a block that shows them is read.
/// </summary>
internal sealed class Jffs2Content
{
    private const int BlockSize = 4096;

    private readonly UnpackSource _image;
    private readonly Jffs2InodeInfo _inode;
    private readonly string _path;
    private readonly Dictionary<long, List<int>> _nodesByBlock = [];
    private readonly List<Jffs2DataNode> _nodes;

    // The last node decompressed: consecutive blocks usually come from the same node, so this saves inflating twice.
    private int _cachedNode = -1;
    private byte[] _cachedData = [];

    public Jffs2Content(UnpackSource image, Jffs2InodeInfo inode, string path)
    {
        _image = image;
        _inode = inode;
        _path = path;

        // Newest first, so a block is filled by the winning node and older nodes under it are never decompressed.
        _nodes = [.. inode.Nodes.OrderByDescending(n => n.Version).ThenByDescending(n => n.DataPosition)];
        var blocks = (inode.Size + (long)BlockSize - 1) / BlockSize;
        for (var i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            if (node.DataSize == 0 || node.Offset >= inode.Size)
            {
                continue;
            }

            var last = Math.Min(blocks - 1, (node.Offset + (long)node.DataSize - 1) / BlockSize);
            for (var block = node.Offset / (long)BlockSize; block <= last; block++)
            {
                if (!_nodesByBlock.TryGetValue(block, out var list))
                {
                    list = [];
                    _nodesByBlock.Add(block, list);
                }

                list.Add(i);
            }
        }
    }

    public Stream Open()
    {
        foreach (var list in _nodesByBlock.Values)
        {
            foreach (var index in list)
            {
                var compression = _nodes[index].Compression;
                if (!Jffs2Nodes.IsSupportedCompression(compression))
                {
                    var name = Jffs2Nodes.CompressionName(compression);
                    throw Invariant.Malformed(
                        $"jffs2: the content of '{_path}' is unavailable: it uses {name} compression, which this reader does not support");
                }
            }
        }

        return new BlockStream(_inode.Size, BlockSize, FillBlock);
    }

    /// <summary>The whole content, for symlink targets (bounded by the caller).</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[_inode.Size];
        using var stream = Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The data of the newest node alone, decompressed: where devices keep their number.</summary>
    public byte[] NewestNodeData()
    {
        if (_nodes.Count == 0)
        {
            return [];
        }

        return Decompress(0).ToArray();
    }

    private void FillBlock(long block, Span<byte> destination)
    {
        destination.Clear();
        if (!_nodesByBlock.TryGetValue(block, out var candidates))
        {
            return;
        }

        var blockStart = block * BlockSize;
        Span<bool> filled = stackalloc bool[destination.Length];
        var remaining = destination.Length;
        foreach (var index in candidates)
        {
            var node = _nodes[index];
            var from = Math.Max(blockStart, node.Offset);
            var to = Math.Min(blockStart + destination.Length, node.Offset + (long)node.DataSize);
            if (from >= to || !filled[(int)(from - blockStart)..(int)(to - blockStart)].Contains(false))
            {
                continue;
            }

            var data = Decompress(index);
            for (var position = from; position < to; position++)
            {
                var at = (int)(position - blockStart);
                if (!filled[at])
                {
                    filled[at] = true;
                    destination[at] = data[(int)(position - node.Offset)];
                    remaining--;
                }
            }

            if (remaining == 0)
            {
                return;
            }
        }
    }

    private ReadOnlySpan<byte> Decompress(int index)
    {
        if (index == _cachedNode)
        {
            return _cachedData;
        }

        var node = _nodes[index];
        var what = Invariant.Text($"jffs2: data node of '{_path}' at 0x{node.DataPosition:x}");
        var output = new byte[node.DataSize];
        if (node.Compression != Jffs2Nodes.ComprZero)
        {
            var packed = new byte[node.CompressedSize];
            _image.ReadExactly(node.DataPosition, packed, what);
            switch (node.Compression)
            {
                case Jffs2Nodes.ComprNone:
                    packed.AsSpan(0, Math.Min(packed.Length, output.Length)).CopyTo(output);
                    break;
                case Jffs2Nodes.ComprRtime:
                    if (!Jffs2Rtime.TryDecompress(packed, output))
                    {
                        throw Invariant.Malformed($"{what}: rtime data does not decompress to {node.DataSize} bytes");
                    }

                    break;
                case Jffs2Nodes.ComprZlib:
                    BoundedInflate.Zlib(packed, output, what);
                    break;
                default:
                    throw Invariant.Malformed(
                        $"{what} uses {Jffs2Nodes.CompressionName(node.Compression)} compression, which this reader does not support");
            }
        }

        _cachedNode = index;
        _cachedData = output;
        return output;
    }
}
