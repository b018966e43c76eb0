using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Formats.FileSystems.External;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Yaffs2;

/// <summary>
/// YAFFS2, the NAND file system of older Android and many routers. It has no superblock or magic number: an image is
/// a series of flash pages ("chunks"), each followed by its spare (OOB) area holding packed tags. Recognition is
/// therefore strict: the first chunk must be a complete object header (type, parent, the 0xFFFF of the unused
/// checksum field, a clean name, a mode matching the type, erased bytes after it) and the spare after it must hold
/// plausible tags for an object header. Reading goes through unyaffs when it is installed.
/// </summary>
public sealed class Yaffs2Reader : IFormatReader
{
    public const string ProgramName = "unyaffs";

    private const int HeaderBytes = 512;
    private const int NameOffset = 10;
    private const int NameBytes = 256;
    private const int ModeOffset = 268;
    private const uint LowestSequence = 0x1000;
    private const uint HighestSequence = 0xEFFF_FF00;
    private const uint ExtraHeaderInfo = 0x8000_0000;
    private const uint MaxObjectId = 0x3_FFFF;

    private static readonly int[] ChunkSizes = [1024, 2048, 4096, 8192, 16384];

    private readonly ExternalExtractor _extractor;

    public Yaffs2Reader()
        : this(null)
    {
    }

    /// <param name="locateProgram">Finds unyaffs; defaults to a PATH search.</param>
    public Yaffs2Reader(Func<string, string?>? locateProgram) => _extractor = new ExternalExtractor(ProgramName, locateProgram, ["-V"]);

    public string Format => "yaffs2";

    public string Extractor => _extractor.Description;

    /// <summary>
    /// The first object of an image is nearly always a file or directory in the root (parent id 1): type, parent and
    /// the 0xFFFF that follows, in either byte order.
    /// </summary>
    public IReadOnlyList<FormatSignature> Signatures { get; } =
    [
        new FormatSignature([1, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF]),
        new FormatSignature([3, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF]),
        new FormatSignature([0, 0, 0, 1, 0, 0, 0, 1, 0xFF, 0xFF]),
        new FormatSignature([0, 0, 0, 3, 0, 0, 0, 1, 0xFF, 0xFF]),
    ];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < HeaderBytes)
        {
            return null;
        }

        foreach (var bigEndian in (ReadOnlySpan<bool>)[false, true])
        {
            var chunk = MatchObjectHeader(head, bigEndian);
            if (chunk > 0)
            {
                var order = bigEndian ? "big-endian" : "little-endian";
                var name = Encoding.UTF8.GetString(head.Slice(NameOffset, head.Slice(NameOffset, NameBytes).IndexOf((byte)0)));
                return new FormatMatch(null, Invariant.Text($"YAFFS2, {chunk}-byte chunks, {order}, first object '{name}'"));
            }
        }

        return null;
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) =>
        _extractor.Extract(
            source,
            context,
            (image, output) => [image, output],
            "YAFFS2 found; no native reader, and unyaffs (Debian package 'unyaffs') is not installed");

    /// <summary>The chunk size if the head is a YAFFS2 object header followed by its spare tags, else 0.</summary>
    private static int MatchObjectHeader(ReadOnlySpan<byte> head, bool bigEndian)
    {
        var type = Endian.U32(head, 0, bigEndian);
        var parent = Endian.U32(head, 4, bigEndian);
        if (type is < 1 or > 5 || parent is < 1 or > MaxObjectId || Endian.U16(head, 8, bigEndian) != 0xFFFF)
        {
            return 0;
        }

        var name = head.Slice(NameOffset, NameBytes);
        var nameLength = name.IndexOf((byte)0);
        if (nameLength <= 0 || name[..nameLength].IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || name[..nameLength].Contains((byte)'/'))
        {
            return 0;
        }

        var mode = Endian.U32(head, ModeOffset, bigEndian);
        var kind = UnixModes.TypeOf(mode);
        var consistent = type switch
        {
            1 => kind == EntryType.File,
            2 => kind == EntryType.Symlink,
            3 => kind == EntryType.Directory,
            5 => kind is EntryType.CharDevice or EntryType.BlockDevice or EntryType.Fifo or EntryType.Socket,
            _ => true,
        };
        if (!consistent || (mode & ~0xFFFFu) != 0)
        {
            return 0;
        }

        foreach (var chunk in ChunkSizes)
        {
            // The rest of the chunk after the header is erased; the spare follows, its tags at its start or after
            // a 2-byte bad-block marker.
            if (head.Length < chunk + 2 + 16 || head[HeaderBytes..chunk].IndexOfAnyExcept((byte)0xFF) >= 0)
            {
                continue;
            }

            if (HasHeaderTags(head[chunk..], parent, bigEndian) || HasHeaderTags(head[(chunk + 2)..], parent, bigEndian))
            {
                return chunk;
            }
        }

        return 0;
    }

    private static bool HasHeaderTags(ReadOnlySpan<byte> tags, uint parent, bool bigEndian)
    {
        var sequence = Endian.U32(tags, 0, bigEndian);
        var objectId = Endian.U32(tags, 4, bigEndian) & 0x0FFF_FFFF;
        var chunkId = Endian.U32(tags, 8, bigEndian);
        if (sequence is < LowestSequence or >= HighestSequence || objectId is 0 or > MaxObjectId)
        {
            return false;
        }

        // An object header is chunk 0; newer writers pack the parent id there instead, flagged by the top bit.
        return chunkId == 0 || ((chunkId & ExtraHeaderInfo) != 0 && (chunkId & 0x0FFF_FFFF) == parent);
    }
}
