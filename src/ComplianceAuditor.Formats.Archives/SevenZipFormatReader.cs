using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Formats.Archives.SevenZip;
using ComplianceAuditor.Unpacking;
using SharpCompress.Archives.SevenZip;
using SharpCompress.Common.SevenZip;
using SharpCompress.Readers;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// 7z through SharpCompress. 7z needs the archive API over a seekable stream (its index sits at the end), and entries
/// are then read sequentially with <c>ExtractAllEntries</c>, so a solid block is decoded once rather than once per file.
/// Unix modes come from the attribute high half (flagged by 0x8000); a symlink stored with -snl holds its target as
/// content and is reported as a link. Content is held to the entry's CRC-32, which the library does not check.
/// Encrypted entries are skipped with a warning.
/// </summary>
public sealed class SevenZipFormatReader : IFormatReader
{
    /// <summary>Set in the 7z attributes when the upper 16 bits hold a Unix st_mode (p7zip, 7-Zip for Linux).</summary>
    private const int UnixExtension = 0x8000;

    private static readonly FormatSignature[] SevenZipSignatures = [new(SevenZipStartHeader.Magic.ToArray())];

    public string Format => "7z";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => SevenZipSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (SevenZipStartHeader.TryParse(head) is not { } start)
        {
            return null;
        }

        // When the end header is inside the head its CRC can be checked too; a mismatch means this is not an archive.
        if (start.TotalLength <= head.Length && start.NextHeaderSize > 0
            && Crc32.Compute(head.Slice((int)(SevenZipStartHeader.Size + start.NextHeaderOffset), (int)start.NextHeaderSize)) != start.NextHeaderCrc)
        {
            return null;
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"7z 0.{start.MinorVersion}");
        return start.TotalLength <= available
            ? new FormatMatch(start.TotalLength, string.Create(CultureInfo.InvariantCulture, $"{version}, {start.TotalLength} bytes"))
            : new FormatMatch(null, string.Create(CultureInfo.InvariantCulture, $"{version}, truncated: the header says {start.TotalLength} bytes, {available} are there"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var cancellationToken = context.CancellationToken;
        var first = new byte[SevenZipStartHeader.Size];
        var start = (source.ReadAt(0, first) == first.Length ? SevenZipStartHeader.TryParse(first) : null)
            ?? throw new UnpackException("7z: no valid signature header (magic, version 0, start header CRC) at 0x0");
        if (start.TotalLength > source.Length)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"7z: the start header places the end header at 0x{SevenZipStartHeader.Size + start.NextHeaderOffset:x}, {start.NextHeaderSize} bytes long, beyond the {source.Length}-byte image: the archive is truncated"));
        }

        var stream = SourceStreams.Open(source.Slice(0, start.TotalLength));
        SharpCompress.Archives.IArchive? archive = null;
        IReader? reader = null;
        try
        {
            archive = LibraryGuard.Call(Format, null, "opening the archive",
                () => SevenZipArchive.OpenArchive(stream, new ReaderOptions { LeaveStreamOpen = true }));
            var opened = archive;
            reader = LibraryGuard.Call(Format, null, "reading the archive header", opened.ExtractAllEntries);
            var current = reader;
            while (LibraryGuard.Call(Format, null, "moving to the next entry", current.MoveToNextEntry))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (key, isDirectory, isEncrypted, size, attributes, crc) = LibraryGuard.Call(Format, null, "reading an entry header", () =>
                {
                    var entry = current.Entry;
                    return (entry.Key, entry.IsDirectory, entry.IsEncrypted, entry.Size, (entry as SevenZipEntry)?.ExtendedAttrib ?? entry.Attrib, entry.Crc);
                });
                if (string.IsNullOrEmpty(key))
                {
                    throw new UnpackException("7z: an entry has no name");
                }

                if (isEncrypted)
                {
                    context.Warn($"7z: entry '{key}' is encrypted and was skipped (no password is ever asked for)");
                    continue;
                }

                int? mode = null;
                EntryType? unixType = null;
                if (attributes is { } attrib && (attrib & UnixExtension) != 0 && UnixModes.TypeOf((int)((uint)attrib >> 16)) is { } type)
                {
                    unixType = type;
                    mode = (int)((uint)attrib >> 16) & UnixModes.PermissionMask;
                }

                var entryType = isDirectory ? EntryType.Directory : unixType ?? EntryType.File;
                string? linkTarget = null;
                if (entryType == EntryType.Symlink)
                {
                    linkTarget = LinkTargetReader.Read(Format, key, size, current.OpenEntryStream, context);
                    if (linkTarget is null)
                    {
                        continue;
                    }
                }

                yield return new UnpackedEntry
                {
                    Path = key,
                    Type = entryType,
                    Size = entryType == EntryType.File ? size : 0,
                    LinkTarget = linkTarget,
                    Mode = mode,
                    Open = entryType == EntryType.File ? () => OpenContent(current, key, size, crc, cancellationToken) : null,
                };
            }
        }
        finally
        {
            LibraryGuard.DisposeQuietly(reader);
            LibraryGuard.DisposeQuietly(archive);
            stream.Dispose();
        }
    }

    /// <summary>
    /// The entry's content, held to its CRC-32 when the archive has one. The library shows a missing CRC as 0, and a
    /// real CRC-32 of non-empty content is 0 once in 2^32, so 0 with content means "not recorded" and is not checked.
    /// </summary>
    private VerifiedContentStream OpenContent(IReader reader, string key, long size, long crc, CancellationToken cancellationToken)
    {
        var content = new GuardedStream(LibraryGuard.Call(Format, key, "opening the entry", reader.OpenEntryStream), Format, key, cancellationToken);
        return new VerifiedContentStream(content, Format, key, size, crc == 0 && size > 0 ? null : unchecked((uint)crc));
    }
}
