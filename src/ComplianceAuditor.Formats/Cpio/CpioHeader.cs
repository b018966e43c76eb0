using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Formats.Cpio;

/// <summary>One cpio member header, decoded from any of the four layouts, with the offsets it implies.</summary>
internal sealed record CpioHeader
{
    /// <summary>Longer names are not real paths (PATH_MAX is 4096) but a way to make a reader allocate.</summary>
    public const int MaxNameSize = 4096;

    public const string TrailerName = "TRAILER!!!";

    /// <summary>Enough bytes to tell the variant and hold the longest fixed header.</summary>
    public const int MaxHeaderSize = 110;

    public required CpioVariant Variant { get; init; }

    /// <summary>Where the header starts, from the start of the archive.</summary>
    public required long Offset { get; init; }

    public required long Inode { get; init; }

    public required long Mode { get; init; }

    public required long Uid { get; init; }

    public required long Gid { get; init; }

    public required long Links { get; init; }

    public required long FileSize { get; init; }

    /// <summary>The device holding the file (with <see cref="Inode"/>, what identifies hard links).</summary>
    public required (long Major, long Minor) Device { get; init; }

    public required (long Major, long Minor) RDevice { get; init; }

    /// <summary>Length of the name including its terminating NUL.</summary>
    public required int NameSize { get; init; }

    /// <summary>The byte sum of the data in <see cref="CpioVariant.NewCrc"/> archives.</summary>
    public required uint Check { get; init; }

    public int HeaderSize => SizeOf(Variant);

    public long NameOffset => Offset + HeaderSize;

    public long DataOffset => Align(NameOffset + NameSize);

    /// <summary>Where the next header starts. Padding is counted from the start of the archive, as the writers count it.</summary>
    public long NextOffset => Align(DataOffset + FileSize);

    public long Align(long position) => Variant switch
    {
        CpioVariant.NewAscii or CpioVariant.NewCrc => (position + 3) & ~3L,
        CpioVariant.BinaryLittleEndian or CpioVariant.BinaryBigEndian => (position + 1) & ~1L,
        _ => position,
    };

    public static int SizeOf(CpioVariant variant) => variant switch
    {
        CpioVariant.NewAscii or CpioVariant.NewCrc => 110,
        CpioVariant.PortableAscii => 76,
        _ => 26,
    };

    public static CpioVariant? DetectVariant(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 6)
        {
            if (bytes[..6].SequenceEqual("070701"u8))
            {
                return CpioVariant.NewAscii;
            }

            if (bytes[..6].SequenceEqual("070702"u8))
            {
                return CpioVariant.NewCrc;
            }

            if (bytes[..6].SequenceEqual("070707"u8))
            {
                return CpioVariant.PortableAscii;
            }
        }

        if (bytes.Length >= 2)
        {
            if (bytes[0] == 0xC7 && bytes[1] == 0x71)
            {
                return CpioVariant.BinaryLittleEndian;
            }

            if (bytes[0] == 0x71 && bytes[1] == 0xC7)
            {
                return CpioVariant.BinaryBigEndian;
            }
        }

        return null;
    }

    /// <summary>
    /// Decodes the fixed header at the start of <paramref name="bytes"/> (at least <see cref="SizeOf"/> bytes of the
    /// variant). Returns null with <paramref name="error"/> set when the magic or a numeric field is malformed.
    /// </summary>
    public static CpioHeader? TryParse(ReadOnlySpan<byte> bytes, long offset, out string? error)
    {
        error = null;
        var variant = DetectVariant(bytes);
        if (variant is null)
        {
            error = "no cpio magic number";
            return null;
        }

        if (bytes.Length < SizeOf(variant.Value))
        {
            error = "header is cut short";
            return null;
        }

        return variant.Value switch
        {
            CpioVariant.NewAscii or CpioVariant.NewCrc => ParseNew(bytes, offset, variant.Value, out error),
            CpioVariant.PortableAscii => ParsePortable(bytes, offset, out error),
            _ => ParseBinary(bytes, offset, variant.Value, out error),
        };
    }

    /// <summary>
    /// Checks the name bytes (<see cref="NameSize"/> bytes at <see cref="NameOffset"/>) and decodes them; null with
    /// <paramref name="error"/> when the size is impossible or the name is not NUL-terminated.
    /// </summary>
    public string? TryDecodeName(ReadOnlySpan<byte> nameBytes, out string? error)
    {
        error = null;
        if (nameBytes.Length != NameSize || NameSize == 0 || nameBytes[^1] != 0)
        {
            error = "name is not NUL-terminated";
            return null;
        }

        var end = nameBytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nameBytes[..end]);
    }

    private static CpioHeader? ParseNew(ReadOnlySpan<byte> b, long offset, CpioVariant variant, out string? error)
    {
        // Thirteen 8-digit hex fields follow the 6-byte magic, in this order.
        Span<long> f = stackalloc long[13];
        for (var i = 0; i < 13; i++)
        {
            if (!TryParseDigits(b.Slice(6 + (i * 8), 8), 16, out f[i]))
            {
                error = $"header field {i + 1} is not hexadecimal";
                return null;
            }
        }

        error = null;
        return Checked(new CpioHeader
        {
            Variant = variant,
            Offset = offset,
            Inode = f[0],
            Mode = f[1],
            Uid = f[2],
            Gid = f[3],
            Links = f[4],
            FileSize = f[6],
            Device = (f[7], f[8]),
            RDevice = (f[9], f[10]),
            NameSize = (int)Math.Min(f[11], int.MaxValue),
            Check = (uint)f[12],
        }, f[11], out error);
    }

    private static CpioHeader? ParsePortable(ReadOnlySpan<byte> b, long offset, out string? error)
    {
        // dev, ino, mode, uid, gid, nlink, rdev (6 octal digits each), mtime (11), namesize (6), filesize (11).
        ReadOnlySpan<int> widths = [6, 6, 6, 6, 6, 6, 6, 11, 6, 11];
        Span<long> f = stackalloc long[10];
        var at = 6;
        for (var i = 0; i < widths.Length; i++)
        {
            if (!TryParseDigits(b.Slice(at, widths[i]), 8, out f[i]))
            {
                error = $"header field {i + 1} is not octal";
                return null;
            }

            at += widths[i];
        }

        error = null;
        return Checked(new CpioHeader
        {
            Variant = CpioVariant.PortableAscii,
            Offset = offset,
            Device = SplitDevice(f[0]),
            Inode = f[1],
            Mode = f[2],
            Uid = f[3],
            Gid = f[4],
            Links = f[5],
            RDevice = SplitDevice(f[6]),
            NameSize = (int)Math.Min(f[8], int.MaxValue),
            FileSize = f[9],
            Check = 0,
        }, f[8], out error);
    }

    private static CpioHeader? ParseBinary(ReadOnlySpan<byte> b, long offset, CpioVariant variant, out string? error)
    {
        var little = variant == CpioVariant.BinaryLittleEndian;
        var nameSize = Word(b, little, 20);
        error = null;
        return Checked(new CpioHeader
        {
            Variant = variant,
            Offset = offset,
            Device = SplitDevice(Word(b, little, 2)),
            Inode = Word(b, little, 4),
            Mode = Word(b, little, 6),
            Uid = Word(b, little, 8),
            Gid = Word(b, little, 10),
            Links = Word(b, little, 12),
            RDevice = SplitDevice(Word(b, little, 14)),
            NameSize = nameSize,
            FileSize = Long(b, little, 22),
            Check = 0,
        }, nameSize, out error);
    }

    private static ushort Word(ReadOnlySpan<byte> b, bool little, int at) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    /// <summary>The 32-bit fields are two 16-bit words with the most significant word first, whatever the byte order.</summary>
    private static long Long(ReadOnlySpan<byte> b, bool little, int at) => ((long)Word(b, little, at) << 16) | Word(b, little, at + 2);

    private static CpioHeader? Checked(CpioHeader header, long declaredNameSize, out string? error)
    {
        error = null;
        if (declaredNameSize is < 1 or > MaxNameSize)
        {
            error = $"name size {declaredNameSize} is outside 1..{MaxNameSize}";
            return null;
        }

        return header;
    }

    /// <summary>
    /// The old layouts store one device number; GNU cpio fills it with glibc's makedev, whose low bits are
    /// <c>minor[7:0]</c>, then <c>major[11:0]</c>, then the rest of the minor.
    /// </summary>
    private static (long Major, long Minor) SplitDevice(long packed) =>
        ((packed >> 8) & 0xFFF, (packed & 0xFF) | ((packed >> 12) & ~0xFFL));

    private static bool TryParseDigits(ReadOnlySpan<byte> digits, int radix, out long value)
    {
        value = 0;
        foreach (var c in digits)
        {
            int d;
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                d = c - '0';
            }
            else if (radix == 16 && c is >= (byte)'a' and <= (byte)'f')
            {
                d = c - 'a' + 10;
            }
            else if (radix == 16 && c is >= (byte)'A' and <= (byte)'F')
            {
                d = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            if (d >= radix)
            {
                return false;
            }

            value = (value * radix) + d;
        }

        return true;
    }
}
