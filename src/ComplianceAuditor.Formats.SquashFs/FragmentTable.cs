using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Where each fragment block (the packed tail ends of files) is stored: 16-byte entries, 512 to a metadata block,
/// the blocks listed at <c>fragment_table_start</c>. Entries are looked up on demand, not loaded up front, so a
/// large fragment count costs nothing until a file uses it.
/// </summary>
internal sealed class FragmentTable(UnpackSource source, MetadataStore store, Superblock super)
{
    private const int EntriesPerBlock = Superblock.MetadataBlockSize / 16;

    private readonly MetadataRegion _region = new("fragment table", Superblock.Size, super.FragmentTableStart);

    /// <summary>Returns the fragment block's image offset and its stored-size word (bit 24 set = uncompressed).</summary>
    public (long Start, uint SizeWord) Get(uint index)
    {
        var pointer = source.ReadOffsetAt(super.FragmentTableStart + (index / EntriesPerBlock * 8L), "fragment table index");
        var block = store.Read(pointer, _region);
        var at = (int)(index % EntriesPerBlock) * 16;
        if (block.Data.Length < at + 16)
        {
            throw Errors.Malformed($"fragment {index} is past the end of the fragment table block at 0x{pointer:x}");
        }

        var start = BinaryPrimitives.ReadUInt64LittleEndian(block.Data.AsSpan(at));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(block.Data.AsSpan(at + 8));
        return (start > long.MaxValue ? -1 : (long)start, size);
    }
}
