using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Formats.Archives.Zip;
using ComplianceAuditor.Unpacking;
using SharpCompress.Archives.Zip;
using SharpCompress.Readers;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// zip through SharpCompress's random-access <c>ZipArchive</c> (central directory, zip64). Unix modes come from the
/// upper half of the external attributes; an entry whose mode says symlink holds its target as content and is reported
/// as a link, never as a file. Content is held to the entry's CRC-32 and size, which the library does not check.
/// Encrypted entries are skipped with a warning: nothing here ever asks for a password.
/// </summary>
public sealed class ZipFormatReader : IFormatReader
{
    private static readonly FormatSignature[] ZipSignatures = [new([0x50, 0x4B, 0x03, 0x04])];

    public string Format => "zip";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => ZipSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (!ZipLayout.IsPlausibleLocalHeader(head))
        {
            return null;
        }

        // The end record is only visible when the whole archive fits in the head; otherwise the length stays unknown.
        var extent = ZipLayout.FindEnd(UnpackSource.FromBytes("zip head", head.ToArray()), CancellationToken.None);
        return extent is { } found
            ? new FormatMatch(found.End, string.Create(CultureInfo.InvariantCulture, $"zip, {found.Entries} entries, {found.End} bytes"))
            : new FormatMatch(null, "zip");
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

        // Cut the data at the end record when the walk finds it, so that whatever follows an embedded zip is not
        // mistaken for (or hides) its central directory.
        var zip = ZipLayout.FindEnd(source, cancellationToken) is { } extent ? source.Slice(0, extent.End) : source;
        var stream = SourceStreams.Open(zip);
        SharpCompress.Archives.IArchive? archive = null;
        IEnumerator<ZipArchiveEntry>? entries = null;
        try
        {
            archive = LibraryGuard.Call(Format, null, "opening the archive",
                () => ZipArchive.OpenArchive(stream, new ReaderOptions { LeaveStreamOpen = true }));
            var typed = archive;
            entries = LibraryGuard.Call(Format, null, "reading the central directory", () => typed.Entries.Cast<ZipArchiveEntry>().GetEnumerator());
            var index = 0;
            while (LibraryGuard.Call(Format, null, "reading the central directory", entries.MoveNext))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = entries.Current;
                var entryIndex = index++;
                var (key, attributes, isDirectory, isEncrypted, size, crc) = LibraryGuard.Call(Format, null, "reading an entry header",
                    () => (entry.Key, entry.Attrib, entry.IsDirectory, entry.IsEncrypted, entry.Size, entry.Crc));
                if (string.IsNullOrEmpty(key))
                {
                    throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"zip: central directory entry {entryIndex} has no name"));
                }

                if (isEncrypted)
                {
                    context.Warn($"zip: entry '{key}' is encrypted and was skipped (no password is ever asked for)");
                    continue;
                }

                // Unix writers (version made by 3) keep st_mode in the upper 16 bits; the type bits tell us it is one.
                int? mode = null;
                EntryType? unixType = null;
                if (attributes is { } attrib && UnixModes.TypeOf((int)((uint)attrib >> 16)) is { } type)
                {
                    unixType = type;
                    mode = (int)((uint)attrib >> 16) & UnixModes.PermissionMask;
                }

                var entryType = isDirectory || key.EndsWith('/') ? EntryType.Directory : unixType ?? EntryType.File;
                string? linkTarget = null;
                if (entryType == EntryType.Symlink)
                {
                    linkTarget = LinkTargetReader.Read(Format, key, size, entry.OpenEntryStream, context);
                    if (linkTarget is null)
                    {
                        continue;
                    }
                }

                yield return new UnpackedEntry
                {
                    Path = entryType == EntryType.Directory ? ArchiveText.WithoutTrailingSlash(key) : key,
                    Type = entryType,
                    Size = entryType == EntryType.File ? size : 0,
                    LinkTarget = linkTarget,
                    Mode = mode,
                    Open = entryType == EntryType.File
                        ? () => new VerifiedContentStream(
                            new GuardedStream(LibraryGuard.Call(Format, key, "opening the entry", entry.OpenEntryStream), Format, key, cancellationToken),
                            Format, key, size, unchecked((uint)crc))
                        : null,
                };
            }
        }
        finally
        {
            LibraryGuard.DisposeQuietly(entries);
            LibraryGuard.DisposeQuietly(archive);
            stream.Dispose();
        }
    }
}
