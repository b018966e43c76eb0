using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Reads squashfs 4.0 images (little-endian; gzip, xz, lzma, lz4 or zstd blocks) natively. xz and zstd blocks go
/// through the system's liblzma and libzstd when those are installed (about twice as fast), else through managed
/// decoders. Other squashfs versions, big-endian images and lzo images are recognised, and <see cref="Read"/>
/// throws <see cref="ReaderUnavailableException"/> naming the tool that opens them.
/// </summary>
/// <remarks>
/// Entries come depth-first in stored order (each directory's entries are sorted by name in the image), with
/// paths relative to the root joined by '/'; the root itself is not an entry. An inode reached by a second
/// directory entry is reported as a <see cref="EntryType.HardLink"/> to the path where it was first reached.
/// A directory reached twice (a cycle), a tree deeper than <see cref="MaxDepth"/>, and entry names that no file
/// system allows (empty, ".", "..", holding '/' or NUL) make the image malformed: <see cref="UnpackException"/>.
/// </remarks>
public sealed class SquashFsReader : IFormatReader
{
    /// <summary>Directories nested deeper than this are taken for a hostile image.</summary>
    public const int MaxDepth = 256;

    private static readonly FormatSignature[] SignatureList =
    [
        new("hsqs"u8.ToArray()),
        new("sqsh"u8.ToArray()),
    ];

    private readonly int _parallelism;
    private readonly bool _useSystemLibraries;

    /// <summary>A reader that decompresses on as many threads as the machine has cores, at most 4.</summary>
    public SquashFsReader()
        : this(Math.Clamp(Environment.ProcessorCount, 1, 4))
    {
    }

    /// <param name="decompressionThreads">
    /// Data blocks decompressed at once on the thread pool, for the file being read and (through the walk's
    /// read-ahead) for the files after it; 1 keeps all work on the enumerating thread, with no read-ahead.
    /// </param>
    public SquashFsReader(int decompressionThreads)
        : this(decompressionThreads, useSystemLibraries: true)
    {
    }

    /// <param name="useSystemLibraries">
    /// Whether xz and zstd blocks may go through the system's liblzma and libzstd (when they are installed) instead of
    /// the managed decoders; tests turn it off to cover the managed path on machines that have the libraries.
    /// </param>
    internal SquashFsReader(int decompressionThreads, bool useSystemLibraries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decompressionThreads, 1);
        _parallelism = decompressionThreads;
        _useSystemLibraries = useSystemLibraries;
    }

    public string Format => "squashfs";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures => SignatureList;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        var super = Superblock.Parse(head, available, out _);
        if (super is not null)
        {
            return new FormatMatch(super.BytesUsed, super.Describe());
        }

        var legacy = LegacySuperblock.Parse(head, available);
        return legacy is null ? null : new FormatMatch(legacy.BytesUsed, legacy.Describe());
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);

        // The superblock is checked here, before the enumeration starts, so that an image that cannot be opened
        // fails at the call rather than at the first MoveNext.
        Span<byte> head = stackalloc byte[128];
        var headLength = source.ReadAt(0, head);
        var super = Superblock.Parse(head[..headLength], source.Length, out var problem);
        if (super is null)
        {
            var legacy = LegacySuperblock.Parse(head[..headLength], source.Length);
            if (legacy is not null)
            {
                throw new ReaderUnavailableException($"squashfs: {legacy.Describe()} is not read natively (only little-endian 4.0 is); {legacy.Tools}");
            }

            throw headLength >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == Superblock.MagicLittleEndian
                ? Errors.Malformed($"superblock of '{source.Name}' is not usable: {problem}")
                : Errors.Malformed($"'{source.Name}' does not start with a squashfs superblock");
        }

        if (super.Compression == SquashFsCompression.Lzo)
        {
            throw new ReaderUnavailableException(
                "squashfs: lzo-compressed image, and no LZO decompressor is available here; unsquashfs (Debian package squashfs-tools) would open it");
        }

        var image = SquashFsImage.Open(source, super, _parallelism, _useSystemLibraries, context);
        return new SquashFsTree(image).Walk();
    }
}
