using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Zip;

/// <summary>Where a zip archive ends, from its own records.</summary>
/// <param name="End">Offset just past the end-of-central-directory record and its comment.</param>
/// <param name="Entries">Entries in the central directory.</param>
internal readonly record struct ZipExtent(long End, int Entries);

/// <summary>
/// The record layout of a zip archive, walked front to back: local entries (header, name, extra, data), the central
/// directory, the optional zip64 end records and the end-of-central-directory record, which must agree with what the
/// walk found. Knowing the end lets a zip embedded in a larger blob be read without the bytes after it.
/// </summary>
internal static class ZipLayout
{
    public const uint LocalHeaderSignature = 0x04034B50;
    private const uint CentralHeaderSignature = 0x02014B50;
    private const uint EndSignature = 0x06054B50;
    private const uint Zip64EndSignature = 0x06064B50;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const int LocalHeaderSize = 30;
    private const int CentralHeaderSize = 46;
    private const int EndSize = 22;

    /// <summary>General-purpose flag bits that APPNOTE leaves unused or reserved (7-10, 12, 14, 15).</summary>
    private const ushort ReservedFlags = 0xD780;

    /// <summary>Compression methods APPNOTE assigns (stored, shrink/reduce/implode, deflate(64), bzip2, lzma, zstd, xz...).</summary>
    private static readonly HashSet<ushort> KnownMethods = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 14, 16, 18, 19, 20, 93, 94, 95, 96, 97, 98, 99];

    /// <summary>Whether <paramref name="head"/> starts with a local file header that is more than the magic number.</summary>
    public static bool IsPlausibleLocalHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < LocalHeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(head) != LocalHeaderSignature)
        {
            return false;
        }

        var versionNeeded = head[4];
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(head[6..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(head[8..]);
        var time = BinaryPrimitives.ReadUInt16LittleEndian(head[10..]);
        var date = BinaryPrimitives.ReadUInt16LittleEndian(head[12..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        if (versionNeeded > 63 || (flags & ReservedFlags) != 0 || !KnownMethods.Contains(method) || nameLength is 0 or > 4096)
        {
            return false;
        }

        // An MS-DOS date and time, unless the writer left both zero.
        if (date != 0 || time != 0)
        {
            var month = (date >> 5) & 0xF;
            var day = date & 0x1F;
            if (month is 0 or > 12 || day == 0 || (time >> 11) > 23 || ((time >> 5) & 0x3F) > 59 || (time & 0x1F) > 29)
            {
                return false;
            }
        }

        return head.Length < LocalHeaderSize + nameLength || !head.Slice(LocalHeaderSize, nameLength).Contains((byte)0);
    }

    /// <summary>
    /// Walks the archive from its first local header to the end record. Null when the walk cannot be completed: an entry
    /// whose compressed size is only in a data descriptor, records that do not follow one another, or an end record
    /// that disagrees with the central directory found.
    /// </summary>
    public static ZipExtent? FindEnd(UnpackSource source, CancellationToken cancellationToken)
    {
        Span<byte> record = stackalloc byte[CentralHeaderSize];
        long position = 0;
        var locals = 0;
        uint signature;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryRead(source, position, record[..4]))
            {
                return null;
            }

            signature = BinaryPrimitives.ReadUInt32LittleEndian(record);
            if (signature != LocalHeaderSignature)
            {
                break;
            }

            if (!TryRead(source, position, record[..LocalHeaderSize]))
            {
                return null;
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(record[6..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(record[18..]);
            var uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(record[22..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[26..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
            if ((flags & 0x8) != 0)
            {
                // The sizes follow the data in a descriptor; finding it would mean decompressing.
                return null;
            }

            if (compressed == uint.MaxValue)
            {
                compressed = Zip64CompressedSize(source, position + LocalHeaderSize + nameLength, extraLength, uncompressed == uint.MaxValue) ?? -1;
                if (compressed < 0)
                {
                    return null;
                }
            }

            var next = position + LocalHeaderSize + nameLength + extraLength;
            if (compressed > source.Length - next)
            {
                return null;
            }

            position = next + compressed;
            locals++;
        }

        var centralStart = position;
        var central = 0;
        while (signature == CentralHeaderSignature)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryRead(source, position, record))
            {
                return null;
            }

            position += CentralHeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(record[28..])
                + BinaryPrimitives.ReadUInt16LittleEndian(record[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            central++;
            if (!TryRead(source, position, record[..4]))
            {
                return null;
            }

            signature = BinaryPrimitives.ReadUInt32LittleEndian(record);
        }

        var centralSize = position - centralStart;
        if (signature == Zip64EndSignature)
        {
            if (!TryRead(source, position, record[..12]))
            {
                return null;
            }

            var size = BinaryPrimitives.ReadInt64LittleEndian(record[4..]);
            if (size < 44 || size > source.Length - position - 12)
            {
                return null;
            }

            position += 12 + size;
            if (!TryRead(source, position, record[..4]))
            {
                return null;
            }

            signature = BinaryPrimitives.ReadUInt32LittleEndian(record);
        }

        if (signature == Zip64LocatorSignature)
        {
            position += 20;
            if (!TryRead(source, position, record[..4]))
            {
                return null;
            }

            signature = BinaryPrimitives.ReadUInt32LittleEndian(record);
        }

        if (signature != EndSignature || !TryRead(source, position, record[..EndSize]))
        {
            return null;
        }

        var disk = BinaryPrimitives.ReadUInt16LittleEndian(record[4..]);
        var entriesHere = BinaryPrimitives.ReadUInt16LittleEndian(record[8..]);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        var sizeField = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        var offsetField = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[20..]);
        var consistent = disk is 0 or 0xFFFF
            && central == locals
            && entries == entriesHere
            && (entries == 0xFFFF || entries == central)
            && (sizeField == uint.MaxValue || sizeField == centralSize)
            && (offsetField == uint.MaxValue || offsetField == centralStart);
        var end = position + EndSize + commentLength;
        return consistent && end <= source.Length ? new ZipExtent(end, central) : null;
    }

    /// <summary>The compressed size from a local header's zip64 extra field (id 1), which follows the uncompressed size.</summary>
    private static long? Zip64CompressedSize(UnpackSource source, long extraOffset, int extraLength, bool hasUncompressed)
    {
        Span<byte> field = stackalloc byte[4];
        var position = extraOffset;
        var end = extraOffset + extraLength;
        while (end - position >= 4)
        {
            if (!TryRead(source, position, field))
            {
                return null;
            }

            var id = BinaryPrimitives.ReadUInt16LittleEndian(field);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(field[2..]);
            if (id == 1)
            {
                Span<byte> sizes = stackalloc byte[16];
                var need = hasUncompressed ? 16 : 8;
                if (length < need || !TryRead(source, position + 4, sizes[..need]))
                {
                    return null;
                }

                var size = BinaryPrimitives.ReadInt64LittleEndian(sizes[(need - 8)..]);
                return size >= 0 ? size : null;
            }

            position += 4 + length;
        }

        return null;
    }

    private static bool TryRead(UnpackSource source, long offset, Span<byte> buffer) =>
        offset >= 0 && offset <= source.Length - buffer.Length && source.ReadAt(offset, buffer) == buffer.Length;
}
