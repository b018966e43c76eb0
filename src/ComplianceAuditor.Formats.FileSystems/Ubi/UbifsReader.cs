using System.Buffers.Binary;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Formats.FileSystems.External;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Ubi;

/// <summary>
/// A bare UBIFS volume (what UBI volume extraction yields, or a mkfs.ubifs image). Recognised natively from its
/// superblock node; reading its B+-tree index is left to ubireader_extract_files (the ubi_reader package) when it is
/// installed.
/// </summary>
public sealed class UbifsReader : IFormatReader
{
    public const string ProgramName = "ubireader_extract_files";

    private const uint NodeMagic = 0x0610_1831;
    private const int CommonHeaderBytes = 24;
    private const int SuperblockNodeBytes = 4096;
    private const byte SuperblockNodeType = 6;

    // UBIFS refuses logical eraseblocks smaller than 15 KiB, and no flash has them larger than a few MiB.
    private const uint MinLebSize = 15 * 1024;
    private const uint MaxLebSize = 64u << 20;

    private readonly ExternalExtractor _extractor;

    public UbifsReader()
        : this(null)
    {
    }

    /// <param name="locateProgram">Finds ubireader_extract_files; defaults to a PATH search.</param>
    public UbifsReader(Func<string, string?>? locateProgram) => _extractor = new ExternalExtractor(ProgramName, locateProgram);

    public string Format => "ubifs";

    public string Extractor => _extractor.Description;

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new FormatSignature([0x31, 0x18, 0x10, 0x06])];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < SuperblockNodeBytes || BinaryPrimitives.ReadUInt32LittleEndian(head) != NodeMagic ||
            head[20] != SuperblockNodeType || BinaryPrimitives.ReadUInt32LittleEndian(head[16..]) != SuperblockNodeBytes)
        {
            return null;
        }

        // The node CRC covers everything after the magic and the CRC field itself.
        if (Crc32.Update(0xFFFF_FFFF, head[8..SuperblockNodeBytes]) != BinaryPrimitives.ReadUInt32LittleEndian(head[4..]))
        {
            return null;
        }

        var lebSize = BinaryPrimitives.ReadUInt32LittleEndian(head[36..]);
        var lebCount = BinaryPrimitives.ReadUInt32LittleEndian(head[40..]);
        if (lebSize is < MinLebSize or > MaxLebSize || lebCount == 0)
        {
            return null;
        }

        var compression = BinaryPrimitives.ReadUInt16LittleEndian(head[84..]) switch
        {
            0 => "no compression",
            1 => "lzo",
            2 => "zlib",
            3 => "zstd",
            _ => "unknown compression",
        };
        return new FormatMatch((long)lebSize * lebCount, Invariant.Text($"UBIFS, {lebCount} logical eraseblocks of {lebSize} bytes, {compression}"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) =>
        _extractor.Extract(
            source,
            context,
            (image, output) => ["-o", output, image],
            "UBIFS found; no native reader, and ubireader_extract_files (pip install ubi_reader) is not installed");
}
