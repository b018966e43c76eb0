using System.Buffers;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Everything about one opened image: its superblock, tables and caches. Created by <see cref="SquashFsReader.Read"/>
/// for one enumeration. Metadata and fragment reads are for the enumerating thread only; <see cref="ReadDataBlock"/>
/// is thread-safe, so the blocks of a file can be decompressed in parallel.
/// </summary>
internal sealed class SquashFsImage
{
    /// <summary>Bit 24 of a block's size word: the block is stored uncompressed. Bits 0-23 are the stored length.</summary>
    private const uint UncompressedBit = 1u << 24;

    private readonly FragmentTable _fragments;
    private readonly InodeParser _inodes;
    private int _readAheadLeft;

    private SquashFsImage(UnpackSource source, Superblock super, BlockDecompressor decompressor, int parallelism, UnpackContext context)
    {
        Source = source;
        Super = super;
        Decompressor = decompressor;
        Parallelism = parallelism;
        Context = context;
        Metadata = new MetadataStore(source, decompressor);
        InodeRegion = new MetadataRegion("inode table", super.InodeTableStart, super.DirectoryTableStart);

        // Writers differ in what follows the directory table (fragment, export, id, xattr tables), so its blocks are
        // only held to bytes_used; straying into another table reads bytes that fail to parse, nothing worse.
        DirectoryRegion = new MetadataRegion("directory table", super.DirectoryTableStart, super.BytesUsed);
        var ids = IdTable.Load(source, Metadata, super);
        _fragments = new FragmentTable(source, Metadata, super);
        _inodes = new InodeParser(Metadata, InodeRegion, DirectoryRegion, super, ids);
        MaxEntries = (Superblock.MaxUncompressedBytes(DirectoryRegion.Start, DirectoryRegion.End) / 9) + 1;

        // Blocks decompressed ahead for files the walk has seen but not handed out yet, and for the rest of the file
        // being read. A block takes a quarter of a millisecond to expand, so a shallow queue leaves the threads
        // sleeping and waking for every block: the queue is sized in bytes (8 MiB ahead across files, a quarter of
        // that within one file), which kept two cores busy on the benchmark image. Memory then depends on the block
        // size and the thread count (at most a few tens of MiB with 1 MiB blocks), never on the image size; small
        // blocks are capped in number, as each is a task. With one thread nothing is read ahead.
        // Fragment blocks are few (files that share one are stored together): two recently used ones are kept beyond
        // those warmed ahead.
        var blocks = (int)Math.Min(MaxReadAheadBlocks, ReadAheadBytes / super.BlockSize);
        ReadAheadBudget = parallelism > 1 ? Math.Max(4 * parallelism, blocks) : 0;
        Window = parallelism > 1 ? Math.Max(parallelism, ReadAheadBudget / 4) : 1;
        _readAheadLeft = ReadAheadBudget;
        Fragments = new FragmentCache(this, ReadAheadBudget + 2);
    }

    public UnpackSource Source { get; }

    public Superblock Super { get; }

    public BlockDecompressor Decompressor { get; }

    public UnpackContext Context { get; }

    /// <summary>Bytes of data blocks decompressed ahead of the reader across files (see <see cref="ReadAheadBudget"/>).</summary>
    public const long ReadAheadBytes = 8L << 20;

    /// <summary>At most this many blocks are read ahead, however small they are.</summary>
    public const int MaxReadAheadBlocks = 256;

    /// <summary>How many threads decompress data blocks at once (1: on the reading thread only).</summary>
    public int Parallelism { get; }

    /// <summary>Blocks of the file being read kept decompressing ahead of the one being read (1 with one thread).</summary>
    public int Window { get; }

    public MetadataStore Metadata { get; }

    public FragmentCache Fragments { get; }

    public int ReadAheadBudget { get; }

    public MetadataRegion InodeRegion { get; }

    public MetadataRegion DirectoryRegion { get; }

    /// <summary>
    /// Directory entries cannot outnumber what the directory table can hold (9+ bytes each): a bound on the
    /// enumeration that follows from the image size alone.
    /// </summary>
    public long MaxEntries { get; }

    public static SquashFsImage Open(UnpackSource source, Superblock super, int parallelism, bool useSystemLibraries, UnpackContext context)
    {
        var image = new SquashFsImage(source, super, BlockDecompressor.For(super.Compression, useSystemLibraries), parallelism, context);
        if (super.HasCompressorOptions)
        {
            var options = image.Metadata.Read(Superblock.Size, new MetadataRegion("compressor options", Superblock.Size, super.InodeTableStart));
            CompressorOptions.Check(options.Data, super.Compression, context.Warn);
        }

        return image;
    }

    public Inode ReadInode(ulong reference, string path) => _inodes.Read(reference, path);

    public DirectoryListing OpenListing(Inode directory, string path)
    {
        var cursor = new MetadataCursor(Metadata, DirectoryRegion, DirectoryRegion.Start + directory.ListingBlock, directory.ListingOffset);
        return new DirectoryListing(cursor, directory.ListingSize, path);
    }

    /// <summary>
    /// Reads and decompresses one data block at <paramref name="position"/>, which must expand to exactly
    /// <paramref name="expected"/> bytes. A size word of 0 is a sparse block: zeros, nothing stored. Thread-safe.
    /// </summary>
    public DataBlock ReadDataBlock(long position, uint sizeWord, int expected, string what)
    {
        var pool = ArrayPool<byte>.Shared;
        byte[]? output = pool.Rent((int)Super.BlockSize);
        try
        {
            var length = sizeWord == 0 ? Zeros(output, expected) : Expand(position, sizeWord, output, what);
            if (length != expected)
            {
                throw Errors.Malformed($"{what} at 0x{position:x} holds {length} bytes; the file needs {expected} there");
            }

            var block = new DataBlock(output, length);
            output = null;
            return block;
        }
        finally
        {
            if (output is not null)
            {
                pool.Return(output);
            }
        }
    }

    /// <summary>Takes one block of read-ahead budget if any is left (enumerating thread only).</summary>
    public bool TryTakeReadAhead()
    {
        if (_readAheadLeft == 0)
        {
            return false;
        }

        _readAheadLeft--;
        return true;
    }

    public void ReturnReadAhead() => _readAheadLeft++;

    public int ReadAheadLeft => _readAheadLeft;

    /// <summary>Where fragment block <paramref name="index"/> is stored, from the fragment table (enumerating thread only).</summary>
    public (long Start, uint SizeWord) FragmentLocation(uint index) => _fragments.Get(index);

    /// <summary>Gives pooled buffers back once the enumeration is over.</summary>
    public void ReleaseCaches() => Fragments.Clear();

    /// <summary>Reads and decompresses a fragment block. Thread-safe.</summary>
    public DataBlock ReadFragment(long start, uint sizeWord, uint index, string path)
    {
        // A fragment block's expanded length is recorded nowhere: it is whatever the block holds, up to a full
        // block. Files check that their tail lies inside it.
        var what = $"fragment block {index} (used by '{path}')";
        if (sizeWord == 0)
        {
            throw Errors.Malformed($"{what} has a stored size of 0");
        }

        var pool = ArrayPool<byte>.Shared;
        byte[]? output = pool.Rent((int)Super.BlockSize);
        try
        {
            var block = new DataBlock(output, Expand(start, sizeWord, output, what));
            output = null;
            return block;
        }
        finally
        {
            if (output is not null)
            {
                pool.Return(output);
            }
        }
    }

    /// <summary>Reads a stored block and expands it into <paramref name="output"/> (at least a block long).</summary>
    private int Expand(long position, uint sizeWord, byte[] output, string what)
    {
        var stored = (int)(sizeWord & (UncompressedBit - 1));
        if ((sizeWord & ~(UncompressedBit | (UncompressedBit - 1))) != 0 || stored > Super.BlockSize)
        {
            throw Errors.Malformed($"{what} has size word 0x{sizeWord:x}: stored length beyond the {Super.BlockSize}-byte block size");
        }

        if (position < Superblock.Size || position > Super.BytesUsed - stored)
        {
            throw Errors.Malformed($"{what} at 0x{position:x} ({stored} bytes) lies outside the image (bytes_used 0x{Super.BytesUsed:x})");
        }

        if ((sizeWord & UncompressedBit) != 0)
        {
            return ReadStored(position, output, stored, what);
        }

        var pool = ArrayPool<byte>.Shared;
        var input = pool.Rent(stored);
        try
        {
            ReadStored(position, input, stored, what);
            return Errors.Decompress(Decompressor, input, stored, output, (int)Super.BlockSize, () => $"{what} at 0x{position:x}");
        }
        finally
        {
            pool.Return(input);
        }
    }

    private static int Zeros(byte[] output, int length)
    {
        output.AsSpan(0, length).Clear();
        return length;
    }

    private int ReadStored(long position, byte[] buffer, int length, string what) =>
        Source.ReadAt(position, buffer.AsSpan(0, length)) == length
            ? length
            : throw Errors.Malformed($"{what} at 0x{position:x} ({length} bytes) runs past the end of the image");
}
