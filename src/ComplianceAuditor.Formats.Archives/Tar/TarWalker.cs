using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>
/// Walks the headers of a tar archive in storage order: GNU long names and links ('L', 'K'), pax extended and global
/// headers ('x', 'g'), the old GNU sparse type ('S') and pax sparse files are folded into the entry they describe.
/// Every header needs a valid checksum, every size must fit what is left of the archive, and every metadata block is
/// bounded, so a walk over N bytes reads at most N/512 headers.
/// </summary>
internal static class TarWalker
{
    /// <summary>Bound on one long name, long link or pax header; real ones are a few hundred bytes.</summary>
    public const int MaxMetadataBytes = 1 << 20;

    public static IEnumerable<TarMember> Walk(UnpackSource source, Action<string> warn, TarEnd end, CancellationToken cancellationToken)
    {
        var block = new byte[TarHeader.BlockSize];
        long offset = 0;
        string? longName = null, longLink = null;
        PaxRecords? pax = null;
        long? globalUid = null, globalGid = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.Length - offset < TarHeader.BlockSize)
            {
                var dangling = longName is not null || longLink is not null || pax is not null ? " (after a metadata header with no entry)" : string.Empty;
                warn(string.Create(CultureInfo.InvariantCulture, $"tar: the archive ends at 0x{offset:x} without its end-of-archive marker{dangling}"));
                yield break;
            }

            source.ReadExactly(offset, block, "tar header");
            if (TarHeader.IsZeroBlock(block))
            {
                if (source.Length - offset < 2 * TarHeader.BlockSize)
                {
                    // One zero block right at the end of the data: the second was cut off, the archive itself is whole.
                    end.Offset = source.Length;
                    yield break;
                }

                source.ReadExactly(offset + TarHeader.BlockSize, block, "tar header");
                if (TarHeader.IsZeroBlock(block))
                {
                    end.Offset = offset + (2 * TarHeader.BlockSize);
                    yield break;
                }

                // GNU tar reads on past a lone zero block (and warns); so do we.
                warn(string.Create(CultureInfo.InvariantCulture, $"tar: a lone zero block at 0x{offset:x} was skipped"));
                offset += TarHeader.BlockSize;
                continue;
            }

            var header = TarHeader.TryParse(block, offset, out var problem)
                ?? throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"tar: the header at 0x{offset:x} is not valid: {problem}"));
            var dataOffset = offset + TarHeader.BlockSize;
            var type = (char)header.TypeFlag;

            switch (type)
            {
                case 'L':
                    longName = ReadText(source, dataOffset, header.Size, offset, "GNU long name");
                    offset = Next(source, dataOffset, header.Size, offset, "GNU long name");
                    continue;
                case 'K':
                    longLink = ReadText(source, dataOffset, header.Size, offset, "GNU long link name");
                    offset = Next(source, dataOffset, header.Size, offset, "GNU long link name");
                    continue;
                case 'x':
                    pax = PaxRecords.Parse(ReadMetadata(source, dataOffset, header.Size, offset, "pax header"), offset);
                    offset = Next(source, dataOffset, header.Size, offset, "pax header");
                    continue;
                case 'g':
                    var global = PaxRecords.Parse(ReadMetadata(source, dataOffset, header.Size, offset, "pax global header"), offset);
                    globalUid = global.GetNumber("uid", offset) ?? globalUid;
                    globalGid = global.GetNumber("gid", offset) ?? globalGid;
                    offset = Next(source, dataOffset, header.Size, offset, "pax global header");
                    continue;
                case 'V':
                    // A GNU volume label names the tape, not a file.
                    offset = Next(source, dataOffset, header.Size, offset, "GNU volume label");
                    longName = longLink = null;
                    pax = null;
                    continue;
                case 'M' or 'N':
                    warn(string.Create(CultureInfo.InvariantCulture,
                        $"tar: the entry at 0x{offset:x} is a GNU {(type == 'M' ? "multi-volume continuation" : "old long-name record")}, which is not supported; skipped"));
                    offset = Next(source, dataOffset, header.Size, offset, "GNU multi-volume entry");
                    longName = longLink = null;
                    pax = null;
                    continue;
                default:
                    break;
            }

            // A pax 'size' record overrides the header field (it is how entries of 8 GiB and more are stored).
            var size = pax?.GetNumber("size", offset) ?? header.Size;
            var path = pax?.Get("path") ?? longName ?? header.Name;
            var entryType = type switch
            {
                '1' => EntryType.HardLink,
                '2' => EntryType.Symlink,
                '3' => EntryType.CharDevice,
                '4' => EntryType.BlockDevice,
                '5' or 'D' => EntryType.Directory,
                '6' => EntryType.Fifo,
                '\0' or '0' when path.EndsWith('/') => EntryType.Directory,
                _ => EntryType.File,
            };

            string? description = null;
            if (type is not ('0' or '\0' or '1' or '2' or '3' or '4' or '5' or '6' or '7' or 'D' or 'S'))
            {
                // POSIX: an unknown type is read as a regular file.
                warn(string.Create(CultureInfo.InvariantCulture, $"tar: entry '{path}' at 0x{offset:x} has the unknown type '{Printable(type)}'; read as a regular file"));
                description = $"unknown tar type '{Printable(type)}'";
            }

            // Links, devices and FIFOs carry no data, whatever their size field says; GNU tar writes 0 there.
            var storedSize = entryType is EntryType.HardLink or EntryType.Symlink or EntryType.CharDevice or EntryType.BlockDevice or EntryType.Fifo ? 0 : size;
            var logicalSize = storedSize;
            List<SparseSegment>? sparse = null;
            if (type == 'S')
            {
                sparse = TarSparseMap.ReadOldGnu(header, source, ref dataOffset, cancellationToken);
                logicalSize = header.Field(483, 12, "sparse real size");
            }
            else if (entryType == EntryType.File && pax is not null && IsPaxSparse(pax))
            {
                path = pax.Get("GNU.sparse.name") ?? path;
                if (pax.Get("GNU.sparse.major") == "1")
                {
                    CheckFits(source, dataOffset, storedSize, offset, path);
                    sparse = TarSparseMap.ReadPax1(source, dataOffset, storedSize, offset, out var mapBytes);
                    dataOffset += mapBytes;
                    storedSize -= mapBytes;
                    logicalSize = pax.GetNumber("GNU.sparse.realsize", offset) ?? throw MissingRealSize(offset);
                }
                else
                {
                    sparse = TarSparseMap.ReadPax0(pax, offset);
                    logicalSize = pax.GetNumber("GNU.sparse.size", offset) ?? pax.GetNumber("GNU.sparse.realsize", offset) ?? throw MissingRealSize(offset);
                }
            }

            CheckFits(source, dataOffset, storedSize, offset, path);
            if (sparse is not null)
            {
                TarSparseMap.Validate(sparse, logicalSize, storedSize, offset);
                description = string.Create(CultureInfo.InvariantCulture, $"sparse file: {sparse.Count} data runs, {storedSize} of {logicalSize} bytes stored");
            }

            string? linkTarget = null;
            if (entryType is EntryType.HardLink or EntryType.Symlink)
            {
                linkTarget = pax?.Get("linkpath") ?? longLink ?? header.LinkName;
            }

            yield return new TarMember
            {
                HeaderOffset = offset,
                Path = path,
                Type = entryType,
                Size = entryType == EntryType.File ? logicalSize : 0,
                LinkTarget = linkTarget,
                Mode = header.Mode,
                Uid = pax?.GetNumber("uid", offset) ?? globalUid ?? header.Uid,
                Gid = pax?.GetNumber("gid", offset) ?? globalGid ?? header.Gid,
                Device = entryType is EntryType.CharDevice or EntryType.BlockDevice ? (header.DevMajor, header.DevMinor) : null,
                DataOffset = dataOffset,
                Sparse = sparse,
                Description = description,
            };

            offset = Next(source, dataOffset, storedSize, offset, path);
            longName = longLink = null;
            pax = null;
        }
    }

    private static bool IsPaxSparse(PaxRecords pax) =>
        pax.Get("GNU.sparse.major") is not null || pax.Get("GNU.sparse.map") is not null || pax.Get("GNU.sparse.numblocks") is not null;

    private static UnpackException MissingRealSize(long offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"tar: sparse entry at 0x{offset:x} does not say how large the file is"));

    private static void CheckFits(UnpackSource source, long dataOffset, long size, long headerOffset, string what)
    {
        if (size < 0 || dataOffset > source.Length || size > source.Length - dataOffset)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"tar: entry '{what}' (header at 0x{headerOffset:x}) declares {size} bytes of content at 0x{dataOffset:x}, which runs past the end of the {source.Length}-byte archive"));
        }
    }

    /// <summary>The offset of the header after content of <paramref name="size"/> bytes at <paramref name="dataOffset"/>.</summary>
    private static long Next(UnpackSource source, long dataOffset, long size, long headerOffset, string what)
    {
        CheckFits(source, dataOffset, size, headerOffset, what);
        return dataOffset + ((size + TarHeader.BlockSize - 1) / TarHeader.BlockSize * TarHeader.BlockSize);
    }

    private static byte[] ReadMetadata(UnpackSource source, long dataOffset, long size, long headerOffset, string what)
    {
        CheckFits(source, dataOffset, size, headerOffset, what);
        if (size > MaxMetadataBytes)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"tar: the {what} at 0x{headerOffset:x} is {size} bytes; more than {MaxMetadataBytes} is not accepted"));
        }

        var data = new byte[size];
        source.ReadExactly(dataOffset, data, what);
        return data;
    }

    private static string ReadText(UnpackSource source, long dataOffset, long size, long headerOffset, string what) =>
        Internal.ArchiveText.Decode(Internal.ArchiveText.UntilNul(ReadMetadata(source, dataOffset, size, headerOffset, what)));

    private static string Printable(char c) => c is >= ' ' and < (char)0x7F ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
}
