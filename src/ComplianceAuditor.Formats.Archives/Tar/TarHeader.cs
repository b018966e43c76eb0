using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

internal enum TarDialect
{
    /// <summary>No magic: the original Unix layout, which has no owner names, device numbers or name prefix.</summary>
    V7,

    /// <summary>"ustar\0" "00": POSIX ustar, also the outer header of every pax entry; names may have a 155-byte prefix.</summary>
    Posix,

    /// <summary>"ustar " " \0": GNU tar, whose bytes after offset 345 hold times and the old sparse map, not a prefix.</summary>
    Gnu,
}

/// <summary>One 512-byte tar header block whose checksum has been verified; fields are decoded when asked for.</summary>
internal sealed class TarHeader
{
    public const int BlockSize = 512;

    private readonly byte[] _block;

    private TarHeader(byte[] block, long offset, TarDialect dialect)
    {
        _block = block;
        Offset = offset;
        Dialect = dialect;
    }

    public long Offset { get; }

    public TarDialect Dialect { get; }

    public byte TypeFlag => _block[156];

    public ReadOnlySpan<byte> Block => _block;

    /// <summary>The stored name: POSIX prefix and name joined, as ustar readers do; GNU and v7 have no prefix.</summary>
    public string Name
    {
        get
        {
            var name = ArchiveText.UntilNul(_block.AsSpan(0, 100));
            var prefix = Dialect == TarDialect.Posix ? ArchiveText.UntilNul(_block.AsSpan(345, 155)) : default;
            return prefix.IsEmpty ? ArchiveText.Decode(name) : ArchiveText.Decode(prefix) + "/" + ArchiveText.Decode(name);
        }
    }

    public string LinkName => ArchiveText.Decode(ArchiveText.UntilNul(_block.AsSpan(157, 100)));

    public static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    /// <summary>Returns the header when <paramref name="block"/> has a valid checksum, else null and the reason.</summary>
    public static TarHeader? TryParse(ReadOnlySpan<byte> block, long offset, out string? problem)
    {
        if (block.Length != BlockSize)
        {
            problem = "the block is incomplete";
            return null;
        }

        if (!TarNumber.TryParse(block.Slice(148, 8), out var stored, out var empty) || empty)
        {
            problem = "its checksum field is not an octal number";
            return null;
        }

        // The checksum is the byte sum with the checksum field read as spaces; some old writers summed signed chars.
        long unsigned = 8 * ' ', signed = 8 * ' ';
        for (var i = 0; i < BlockSize; i++)
        {
            if (i is >= 148 and < 156)
            {
                continue;
            }

            unsigned += block[i];
            signed += (sbyte)block[i];
        }

        if (stored != unsigned && stored != signed)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"its checksum is {stored} but the block sums to {unsigned}");
            return null;
        }

        problem = null;
        return new TarHeader(block.ToArray(), offset, DialectOf(block));
    }

    /// <summary>Whether a header without the ustar magic still has the shape of a v7 header, for recognising one.</summary>
    public bool LooksLikeV7()
    {
        var block = Block;
        if (block[0] == 0 || block[257..].ContainsAnyExcept((byte)0) || TypeFlag is not (0 or (>= (byte)'0' and <= (byte)'7')))
        {
            return false;
        }

        // Mode, uid, gid, size and mtime must all be octal numbers.
        return Number(_block, 100, 8) && Number(_block, 108, 8) && Number(_block, 116, 8) && Number(_block, 124, 12) && Number(_block, 136, 12);

        static bool Number(byte[] header, int start, int length) =>
            TarNumber.TryParse(header.AsSpan(start, length), out _, out var blank) && !blank;
    }

    public long Size => Field(124, 12, "size");

    public int Mode => (int)(Field(100, 8, "mode") & UnixModes.PermissionMask);

    public long Uid => Field(108, 8, "uid");

    public long Gid => Field(116, 8, "gid");

    public long DevMajor => Dialect == TarDialect.V7 ? 0 : Field(329, 8, "device major");

    public long DevMinor => Dialect == TarDialect.V7 ? 0 : Field(337, 8, "device minor");

    /// <summary>A numeric field at <paramref name="start"/>; one that is present but not a number makes the archive corrupt.</summary>
    public long Field(int start, int length, string what)
    {
        if (!TarNumber.TryParse(_block.AsSpan(start, length), out var value, out _))
        {
            throw new Unpacking.UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"tar: header at 0x{Offset:x}: the {what} field is not a number"));
        }

        return value;
    }

    private static TarDialect DialectOf(ReadOnlySpan<byte> block)
    {
        var magic = block.Slice(257, 6);
        if (magic.SequenceEqual("ustar "u8) && block[263] == (byte)' ' && block[264] == 0)
        {
            return TarDialect.Gnu;
        }

        return magic.SequenceEqual("ustar\0"u8) ? TarDialect.Posix : TarDialect.V7;
    }
}
