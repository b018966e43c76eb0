using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Compressed;

/// <summary>The header of one gzip member (RFC 1952): fixed fields, then optional extra field, name, comment and CRC-16.</summary>
internal sealed record GzipMemberHeader(long Offset, long DataOffset, string? FileName, DateTimeOffset? Modified)
{
    /// <summary>Longest original file name accepted; gzip stores a base name, far below this.</summary>
    public const int MaxNameBytes = 4096;

    /// <summary>Longest comment skipped over.</summary>
    public const int MaxCommentBytes = 64 * 1024;

    private const int FixedSize = 10;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;

    /// <summary>The member header at <paramref name="offset"/>, or null and the reason it is not one.</summary>
    public static GzipMemberHeader? TryParse(UnpackSource source, long offset, out string? problem)
    {
        Span<byte> fixedPart = stackalloc byte[FixedSize];
        if (offset < 0 || offset > source.Length - FixedSize || source.ReadAt(offset, fixedPart) != FixedSize)
        {
            problem = "the 10-byte header is cut off";
            return null;
        }

        var flags = fixedPart[3];
        problem = (fixedPart[0], fixedPart[1], fixedPart[2], fixedPart[8], fixedPart[9]) switch
        {
            (not 0x1F, _, _, _, _) or (_, not 0x8B, _, _, _) => "there is no gzip magic number",
            (_, _, not 8, _, _) => $"compression method {fixedPart[2]} is not deflate (8)",
            _ when (flags & ReservedFlags) != 0 => "reserved flag bits are set",
            (_, _, _, not (0 or 2 or 4), _) => $"the extra-flags byte {fixedPart[8]} is none of 0, 2, 4",
            (_, _, _, _, > 13 and not 255) => $"the operating-system byte {fixedPart[9]} is not one RFC 1952 assigns",
            _ => null,
        };
        if (problem is not null)
        {
            return null;
        }

        var position = offset + FixedSize;
        if ((flags & FlagExtra) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            if (position > source.Length - 2 || source.ReadAt(position, length) != 2)
            {
                problem = "the extra field is cut off";
                return null;
            }

            position += 2 + BinaryPrimitives.ReadUInt16LittleEndian(length);
        }

        string? name = null;
        if ((flags & FlagName) != 0)
        {
            var nameBytes = ReadUntilNul(source, ref position, MaxNameBytes, out problem);
            if (nameBytes is null)
            {
                problem = "the file name " + problem;
                return null;
            }

            name = ArchiveText.Decode(nameBytes);
        }

        if ((flags & FlagComment) != 0 && ReadUntilNul(source, ref position, MaxCommentBytes, out problem) is null)
        {
            problem = "the comment " + problem;
            return null;
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Span<byte> stored = stackalloc byte[2];
            if (position > source.Length - 2 || source.ReadAt(position, stored) != 2)
            {
                problem = "the header CRC is cut off";
                return null;
            }

            if ((HeaderCrc(source, offset, position) & 0xFFFF) != BinaryPrimitives.ReadUInt16LittleEndian(stored))
            {
                problem = "the header CRC does not match";
                return null;
            }

            position += 2;
        }

        if (position >= source.Length)
        {
            problem = "no compressed data follows the header";
            return null;
        }

        var mtime = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[4..]);
        return new GzipMemberHeader(offset, position, name, mtime == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(mtime));
    }

    public static GzipMemberHeader Parse(UnpackSource source, long offset) =>
        TryParse(source, offset, out var problem)
        ?? throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"gzip: the member header at 0x{offset:x} is not valid: {problem}"));

    private static byte[]? ReadUntilNul(UnpackSource source, ref long position, int limit, out string? problem)
    {
        var collected = new List<byte>();
        Span<byte> chunk = stackalloc byte[256];
        while (true)
        {
            var read = source.ReadAt(position + collected.Count, chunk);
            if (read == 0)
            {
                problem = "runs to the end of the data";
                return null;
            }

            var nul = chunk[..read].IndexOf((byte)0);
            var take = nul < 0 ? read : nul;
            if (collected.Count + take > limit)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"is longer than {limit} bytes");
                return null;
            }

            foreach (var b in chunk[..take])
            {
                collected.Add(b);
            }

            if (nul >= 0)
            {
                position += collected.Count + 1;
                problem = null;
                return [.. collected];
            }
        }
    }

    private static uint HeaderCrc(UnpackSource source, long start, long end)
    {
        Span<byte> chunk = stackalloc byte[4096];
        uint crc = 0;
        for (var at = start; at < end;)
        {
            var read = source.ReadAt(at, chunk[..(int)Math.Min(chunk.Length, end - at)]);
            if (read == 0)
            {
                break;
            }

            crc = Crc32.Append(crc, chunk[..read]);
            at += read;
        }

        return crc;
    }
}
