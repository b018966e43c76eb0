using System.Globalization;
using ComplianceAuditor.Formats.Archives.Tar;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// tar in its v7, POSIX ustar/pax and GNU forms, read by our own parser rather than SharpCompress. The library's
/// <c>TarEntry</c> has no type flag and no device numbers: devices and FIFOs come out of it as empty files, and a hard
/// link cannot be told from a symlink (both only carry a link target); and it reads a GNU sparse file as its stored
/// runs, under a name mangled with the sparse map. File content is contiguous in the archive and is served straight from it.
/// </summary>
public sealed class TarFormatReader : IFormatReader
{
    private static readonly FormatSignature[] TarSignatures = [new("ustar"u8.ToArray(), 257)];

    public string Format => "tar";

    public string Extractor => "native";

    /// <summary>The ustar magic, which GNU and POSIX headers carry; v7 archives have none and are found only at offset 0.</summary>
    public IReadOnlyList<FormatSignature> Signatures => TarSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < TarHeader.BlockSize)
        {
            return null;
        }

        var header = TarHeader.TryParse(head[..TarHeader.BlockSize], 0, out _);
        if (header is null || (header.Dialect == TarDialect.V7 && !header.LooksLikeV7()))
        {
            return null;
        }

        var dialect = header.Dialect switch
        {
            TarDialect.Gnu => "GNU",
            TarDialect.Posix => "POSIX ustar",
            _ => "v7",
        };
        var end = FindEnd(head, available);
        return new FormatMatch(end, end is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"tar ({dialect}), {length} bytes")
            : $"tar ({dialect})");
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    private static IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var cancellationToken = context.CancellationToken;
        foreach (var member in TarWalker.Walk(source, context.Warn, new TarEnd(), cancellationToken))
        {
            Func<Stream>? open = null;
            long? offset = null;
            if (member.Type == EntryType.File)
            {
                if (member.Sparse is { } runs)
                {
                    open = () => new SparseContentStream(source, member.DataOffset, runs, member.Size, cancellationToken);
                }
                else
                {
                    offset = member.DataOffset;
                    open = () => source.Slice(member.DataOffset, member.Size).OpenStream();
                }
            }

            yield return new UnpackedEntry
            {
                Path = member.Type == EntryType.Directory ? Internal.ArchiveText.WithoutTrailingSlash(member.Path) : member.Path,
                Type = member.Type,
                Size = member.Size,
                LinkTarget = member.LinkTarget,
                Mode = member.Mode,
                Uid = member.Uid,
                Gid = member.Gid,
                Device = member.Device,
                Offset = offset,
                Description = member.Description,
                Open = open,
            };
        }
    }

    /// <summary>
    /// The archive's length when its end-of-archive marker lies within the head, found by walking the headers there
    /// (cheap: at most 128 blocks). Null when the head ends first, or when anything on the way does not parse.
    /// </summary>
    private static long? FindEnd(ReadOnlySpan<byte> head, long available)
    {
        var window = UnpackSource.FromBytes("tar head", head.ToArray());
        var end = new TarEnd();
        try
        {
            foreach (var member in TarWalker.Walk(window, static _ => { }, end, CancellationToken.None))
            {
                _ = member;
            }
        }
        catch (UnpackException)
        {
            return null;
        }

        // A single zero block at the end of the head is only the end of the archive if the head is all there is.
        return end.Offset is { } offset && (offset < head.Length || head.Length == available) ? offset : null;
    }
}
