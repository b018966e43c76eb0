using System.Text;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>Reads inodes from the inode table, following the layouts of the fourteen inode types.</summary>
internal sealed class InodeParser
{
    private const int MaxLinkTarget = 65535;

    private readonly MetadataStore _store;
    private readonly MetadataRegion _region;
    private readonly Superblock _super;
    private readonly IdTable _ids;
    private readonly long _maxBlockListEntries;
    private readonly long _maxListingBytes;

    public InodeParser(MetadataStore store, MetadataRegion inodes, MetadataRegion directories, Superblock super, IdTable ids)
    {
        _store = store;
        _region = inodes;
        _super = super;
        _ids = ids;
        _maxBlockListEntries = Superblock.MaxUncompressedBytes(inodes.Start, inodes.End) / 4;
        _maxListingBytes = Superblock.MaxUncompressedBytes(directories.Start, directories.End);
    }

    /// <summary>Parses the inode at a reference: the metadata block's offset from the table start (high 48 bits) and the offset inside it.</summary>
    public Inode Read(ulong reference, string path)
    {
        var block = (long)(reference >> 16);
        var offset = (int)(reference & 0xffff);
        if (reference >> 48 != 0 || block > _region.End - _region.Start || offset >= Superblock.MetadataBlockSize)
        {
            throw Errors.Malformed($"inode reference 0x{reference:x} of '{path}' is outside the inode table");
        }

        var cursor = new MetadataCursor(_store, _region, _region.Start + block, offset);
        var type = cursor.ReadUInt16();
        var mode = cursor.ReadUInt16() & 0xfff;
        var uid = _ids.Get(cursor.ReadUInt16(), path);
        var gid = _ids.Get(cursor.ReadUInt16(), path);
        cursor.Skip(8); // modification time and inode number: not reported
        if (type is < 1 or > 14)
        {
            throw Errors.Malformed($"inode of '{path}' at reference 0x{reference:x} has unknown type {type}");
        }

        var extended = type > 7;
        var inode = new Inode { Reference = reference, Kind = (InodeKind)(extended ? type - 7 : type), Mode = mode, Uid = uid, Gid = gid };
        return inode.Kind switch
        {
            InodeKind.Directory => ReadDirectory(cursor, inode, extended, path),
            InodeKind.File => ReadFile(cursor, inode, extended, path),
            InodeKind.Symlink => ReadSymlink(cursor, inode, path),
            InodeKind.BlockDevice or InodeKind.CharDevice => ReadDevice(cursor, inode),
            _ => inode, // FIFO and socket: a link count (and an xattr index) and nothing else of use
        };
    }

    private Inode ReadDirectory(MetadataCursor cursor, Inode inode, bool extended, string path)
    {
        long listingBlock;
        long size;
        int listingOffset;
        if (extended)
        {
            cursor.Skip(4); // link count
            size = cursor.ReadUInt32();
            listingBlock = cursor.ReadUInt32();
            cursor.Skip(4); // parent inode number
            cursor.Skip(2); // index count: the index only speeds up lookups by name
            listingOffset = cursor.ReadUInt16();
        }
        else
        {
            listingBlock = cursor.ReadUInt32();
            cursor.Skip(4); // link count
            size = cursor.ReadUInt16();
            listingOffset = cursor.ReadUInt16();
        }

        // The stored size counts 3 bytes for the implicit "." and ".." entries that the listing does not hold.
        if (size < 3 || size - 3 > _maxListingBytes || listingOffset >= Superblock.MetadataBlockSize)
        {
            throw Errors.Malformed($"directory '{path}' declares a {size}-byte listing at offset {listingOffset}, which the directory table cannot hold");
        }

        return inode with { ListingBlock = listingBlock, ListingOffset = listingOffset, ListingSize = size - 3 };
    }

    private Inode ReadFile(MetadataCursor cursor, Inode inode, bool extended, string path)
    {
        long blocksStart;
        ulong size;
        uint fragment;
        uint fragmentOffset;
        if (extended)
        {
            blocksStart = ToOffset(cursor.ReadUInt64());
            size = cursor.ReadUInt64();
            cursor.Skip(8); // bytes saved by sparse blocks
            cursor.Skip(4); // link count
            fragment = cursor.ReadUInt32();
            fragmentOffset = cursor.ReadUInt32();
            cursor.Skip(4); // xattr index
        }
        else
        {
            blocksStart = cursor.ReadUInt32();
            fragment = cursor.ReadUInt32();
            fragmentOffset = cursor.ReadUInt32();
            size = cursor.ReadUInt32();
        }

        var hasFragment = fragment != Inode.NoFragment;
        var blockSize = (ulong)_super.BlockSize;
        var blocks = hasFragment ? size / blockSize : (size + blockSize - 1) / blockSize;

        // Each block has a 4-byte entry in the inode table, so a size whose list could not fit there is a lie.
        if (size > long.MaxValue || blocks > (ulong)_maxBlockListEntries)
        {
            throw Errors.Malformed($"file '{path}' declares {size} bytes in {blocks} blocks, more than the inode table can list");
        }

        if (hasFragment && fragment >= _super.FragmentCount)
        {
            throw Errors.Malformed($"file '{path}' names fragment {fragment}, but the image has {_super.FragmentCount}");
        }

        if (blocks > 0 && blocksStart < Superblock.Size)
        {
            throw Errors.Malformed($"file '{path}' has its data at 0x{blocksStart:x}, inside the superblock or outside the image");
        }

        return inode with
        {
            FileSize = (long)size,
            BlocksStart = blocksStart,
            BlockCount = (long)blocks,
            BlockList = cursor.Position,
            FragmentIndex = fragment,
            FragmentOffset = fragmentOffset,
        };
    }

    private static Inode ReadSymlink(MetadataCursor cursor, Inode inode, string path)
    {
        cursor.Skip(4); // link count
        var length = cursor.ReadUInt32();
        if (length > MaxLinkTarget)
        {
            throw Errors.Malformed($"symlink '{path}' declares a {length}-byte target");
        }

        var target = new byte[length];
        cursor.Read(target);
        return inode with { LinkTarget = Encoding.UTF8.GetString(target) };
    }

    private static Inode ReadDevice(MetadataCursor cursor, Inode inode)
    {
        cursor.Skip(4); // link count
        var device = cursor.ReadUInt32();

        // Linux's new_encode_dev: minor bits 0-7 low, major in bits 8-19, the rest of the minor in bits 20-31.
        var major = (device >> 8) & 0xfff;
        var minor = (device & 0xff) | ((device >> 12) & 0xfff00);
        return inode with { Device = (major, minor) };
    }

    private static long ToOffset(ulong value) => value > long.MaxValue ? -1 : (long)value;
}
