using System.Globalization;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Formats.FileSystems.External;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.SquashFsLegacy;

/// <summary>
/// Squashfs our own reader does not read: versions 1.x to 3.x in either byte order, big-endian 4.0, which old
/// routers still ship, and 4.0 with LZO blocks (no LZO decoder on the feed). They go through <c>unsquashfs</c> when it
/// is installed. The driver tries this reader when the
/// native one recognised the image but reported it cannot open it.
/// </summary>
public sealed class LegacySquashFsReader : IFormatReader
{
    public const string ProgramName = "unsquashfs";

    /// <summary>s_major sits at byte 28 in every squashfs superblock layout, 1.0 to 4.0.</summary>
    private const int MajorOffset = 28;

    /// <summary>The compression id of a 4.0 superblock, and the id of LZO.</summary>
    private const int CompressionOffset = 20;
    private const ushort Lzo = 3;

    private readonly ExternalExtractor _extractor;

    public LegacySquashFsReader()
        : this(null)
    {
    }

    /// <param name="locateProgram">Finds unsquashfs; defaults to a PATH search.</param>
    public LegacySquashFsReader(Func<string, string?>? locateProgram) => _extractor = new ExternalExtractor(ProgramName, locateProgram, ["-v"]);

    public string Format => "squashfs-legacy";

    public string Extractor => _extractor.Description;

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new("hsqs"u8.ToArray()), new("sqsh"u8.ToArray())];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < 96)
        {
            return null;
        }

        var bigEndian = head[..4].SequenceEqual("sqsh"u8);
        if (!bigEndian && !head[..4].SequenceEqual("hsqs"u8))
        {
            return null;
        }

        var major = Endian.U16(head, MajorOffset, bigEndian);
        var minor = Endian.U16(head, MajorOffset + 2, bigEndian);
        var inodes = Endian.U32(head, 4, bigEndian);

        // Little-endian 4.0 is the native reader's, except with LZO; anything else real has a small version and a
        // sane inode count.
        var lzo = major == 4 && !bigEndian && Endian.U16(head, CompressionOffset, bigEndian: false) == Lzo;
        if (major is < 1 or > 4 || (major == 4 && !bigEndian && !lzo) || minor > 1 || inodes == 0 || inodes > available)
        {
            return null;
        }

        var order = bigEndian ? "big-endian" : "little-endian";
        var compression = lzo ? ", lzo" : "";
        return new FormatMatch(null, string.Create(CultureInfo.InvariantCulture, $"squashfs {major}.{minor} ({order}{compression}), {inodes} inodes"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) =>
        _extractor.Extract(
            source,
            context,
            (image, output) => ["-no-progress", "-no-xattrs", "-f", "-d", output, image],
            "squashfs of an old version, byte order or compression found; our reader opens little-endian 4.0 without LZO only, and unsquashfs (Debian package 'squashfs-tools') is not installed");
}
