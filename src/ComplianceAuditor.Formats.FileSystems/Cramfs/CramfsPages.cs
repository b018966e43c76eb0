using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Cramfs;

/// <summary>
/// The content of one cramfs file or symlink: a table of one 32-bit pointer per 4 KiB page, each pointing at the end
/// of that page's zlib stream (the first stream starts right after the table). Images built with extended block
/// pointers may flag a pointer as "direct" (it then holds the start of the block, divided by 4) and/or
/// "uncompressed". An empty block is a hole and reads as zeros.
/// </summary>
internal sealed class CramfsPages
{
    public const int PageSize = 4096;

    private const uint UncompressedFlag = 1u << 31;
    private const uint DirectFlag = 1u << 30;
    private const uint PointerFlags = UncompressedFlag | DirectFlag;

    // The kernel refuses compressed pages larger than two pages; zlib never needs that much for 4 KiB of input.
    private const int MaxCompressedPage = 2 * PageSize;

    private readonly UnpackSource _image;
    private readonly CramfsSuperblock _super;
    private readonly long _table;
    private readonly long _pageCount;
    private readonly string _path;

    public CramfsPages(UnpackSource image, CramfsSuperblock super, string path, CramfsInode inode)
    {
        _image = image;
        _super = super;
        _path = path;
        Size = inode.Size;
        _table = inode.Offset;
        _pageCount = (Size + PageSize - 1) / PageSize;
    }

    public long Size { get; }

    public Stream Open()
    {
        if (Size > 0 && _table == 0)
        {
            throw Invariant.Malformed($"cramfs: '{_path}' declares {Size} bytes but has no block pointer table");
        }

        if (_table > _image.Length || _pageCount * 4 > _image.Length - _table)
        {
            var size = _image.Length;
            throw Invariant.Malformed(
                $"cramfs: the block pointer table of '{_path}' at 0x{_table:x} ({_pageCount} pages) runs past the end of the {size}-byte image");
        }

        return new BlockStream(Size, PageSize, ReadPage);
    }

    /// <summary>Reads the whole content into memory; only for symlink targets, which are bounded by the caller.</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[Size];
        using var stream = Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    private void ReadPage(long index, Span<byte> page)
    {
        var pointer = ReadU32(_table + (index * 4), index);
        var (start, length, compressed) = Locate(index, pointer, page.Length);
        if (length == 0)
        {
            page.Clear();
            return;
        }

        if (start < 0 || start > _image.Length || length > _image.Length - start)
        {
            throw Invariant.Malformed(
                $"cramfs: page {index} of '{_path}' (0x{start:x}, {length} bytes) lies past the end of the {_image.Length}-byte image");
        }

        if (!compressed)
        {
            if (length > PageSize)
            {
                throw Invariant.Malformed($"cramfs: uncompressed page {index} of '{_path}' at 0x{start:x} is {length} bytes, more than a page");
            }

            var n = (int)Math.Min(length, page.Length);
            _image.ReadExactly(start, page[..n], Invariant.Text($"cramfs: page {index} of '{_path}'"));
            page[n..].Clear();
            return;
        }

        if (length > MaxCompressedPage)
        {
            throw Invariant.Malformed(
                $"cramfs: compressed page {index} of '{_path}' at 0x{start:x} is {length} bytes, more than {MaxCompressedPage}");
        }

        var packed = new byte[length];
        _image.ReadExactly(start, packed, Invariant.Text($"cramfs: page {index} of '{_path}'"));
        Span<byte> inflated = stackalloc byte[PageSize];
        var produced = BoundedInflate.Zlib(packed, inflated, Invariant.Text($"cramfs: page {index} of '{_path}' at 0x{start:x}"));

        // A short page is zero-filled, as the kernel does; only overlong pages are refused.
        var copy = Math.Min(produced, page.Length);
        inflated[..copy].CopyTo(page);
        page[copy..].Clear();
    }

    private (long Start, long Length, bool Compressed) Locate(long index, uint pointer, int pageLength)
    {
        var extended = _super.HasExtendedPointers;
        if (extended && (pointer & DirectFlag) != 0)
        {
            var blockStart = (long)(pointer & ~PointerFlags) << 2;
            if ((pointer & UncompressedFlag) != 0)
            {
                return (blockStart, pageLength, false);
            }

            return (blockStart + 2, ReadU16(blockStart, index), true);
        }

        long end = extended ? pointer & ~PointerFlags : pointer;
        var compressedBlock = !(extended && (pointer & UncompressedFlag) != 0);
        long start;
        if (index == 0)
        {
            start = _table + (_pageCount * 4);
        }
        else
        {
            var previous = ReadU32(_table + ((index - 1) * 4), index - 1);
            if (extended && (previous & DirectFlag) != 0)
            {
                // A block after a direct one starts where that direct block ends.
                var previousStart = (long)(previous & ~PointerFlags) << 2;
                start = (previous & UncompressedFlag) != 0 ? previousStart + PageSize : previousStart + 2 + ReadU16(previousStart, index - 1);
            }
            else
            {
                start = extended ? previous & ~PointerFlags : previous;
            }
        }

        if (end < start)
        {
            throw Invariant.Malformed($"cramfs: page {index} of '{_path}' ends at 0x{end:x}, before it starts at 0x{start:x}");
        }

        return (start, end - start, compressedBlock);
    }

    private uint ReadU32(long offset, long index)
    {
        Span<byte> buffer = stackalloc byte[4];
        _image.ReadExactly(offset, buffer, Invariant.Text($"cramfs: block pointer {index} of '{_path}'"));
        return Endian.U32(buffer, 0, _super.BigEndian);
    }

    private ushort ReadU16(long offset, long index)
    {
        Span<byte> buffer = stackalloc byte[2];
        _image.ReadExactly(offset, buffer, Invariant.Text($"cramfs: length of direct block {index} of '{_path}'"));
        return Endian.U16(buffer, 0, _super.BigEndian);
    }
}
