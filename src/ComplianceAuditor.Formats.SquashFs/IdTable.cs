using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The uid/gid table: inodes store 16-bit indexes into it. Read whole at open; it holds at most 65535 ids
/// (256 KiB), in metadata blocks of 2048 ids each whose offsets are listed at <c>id_table_start</c>.
/// </summary>
internal sealed class IdTable
{
    private const int IdsPerBlock = Superblock.MetadataBlockSize / 4;

    private readonly uint[] _ids;

    private IdTable(uint[] ids) => _ids = ids;

    public static IdTable Load(UnpackSource source, MetadataStore store, Superblock super)
    {
        var ids = new uint[super.IdCount];
        var blocks = (ids.Length + IdsPerBlock - 1) / IdsPerBlock;
        var region = new MetadataRegion("id table", Superblock.Size, super.IdTableStart);
        for (var i = 0; i < blocks; i++)
        {
            var pointer = source.ReadOffsetAt(super.IdTableStart + (i * 8L), "id table index");
            var block = store.Read(pointer, region);
            var count = Math.Min(IdsPerBlock, ids.Length - (i * IdsPerBlock));
            if (block.Data.Length < count * 4)
            {
                throw Errors.Malformed($"id table block at 0x{pointer:x} holds {block.Data.Length / 4} ids, {count} expected");
            }

            for (var k = 0; k < count; k++)
            {
                ids[(i * IdsPerBlock) + k] = BinaryPrimitives.ReadUInt32LittleEndian(block.Data.AsSpan(k * 4));
            }
        }

        return new IdTable(ids);
    }

    public uint Get(ushort index, string path) => index < _ids.Length
        ? _ids[index]
        : throw Errors.Malformed($"inode of '{path}' names owner id {index}, but the id table has {_ids.Length}");
}
