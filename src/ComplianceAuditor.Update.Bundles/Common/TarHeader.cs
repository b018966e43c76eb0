using System.Text;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// One 512-byte tar header (POSIX ustar or GNU), decoded with every numeric field checked: octal or the base-256
/// form GNU and Go use for large values, and the header checksum, which is what makes random data fail to parse.
/// </summary>
internal sealed record TarHeader(string Name, char Type, long Size)
{
    public const int BlockSize = 512;

    /// <summary>Regular files, including the old form whose type byte is NUL.</summary>
    public bool IsFile => Type is '0' or '\0' or '7';

    /// <summary>Rounds a content size up to whole blocks.</summary>
    public static long Padded(long size) => (size + BlockSize - 1) / BlockSize * BlockSize;

    /// <summary>Whether the block is all zeros (two of them end an archive).</summary>
    public static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    /// <summary>The header, or null with <paramref name="problem"/> when the block is not a valid header.</summary>
    public static TarHeader? TryParse(ReadOnlySpan<byte> block, out string? problem)
    {
        problem = null;
        if (block.Length < BlockSize)
        {
            problem = "the tar header is cut short";
            return null;
        }

        if (!TryNumber(block.Slice(148, 8), out var declared) || !ChecksumMatches(block, declared))
        {
            problem = "the tar header checksum does not match";
            return null;
        }

        if (!TryNumber(block.Slice(124, 12), out var size) || size < 0)
        {
            problem = "the tar header size field is not a number";
            return null;
        }

        var name = Text(block[..100]);
        if (block.Slice(257, 5).SequenceEqual("ustar"u8) && block[262] == 0)
        {
            // POSIX ustar splits long paths into prefix and name; GNU ("ustar ") uses those bytes for other fields.
            var prefix = Text(block.Slice(345, 155));
            if (prefix.Length > 0)
            {
                name = prefix + "/" + name;
            }
        }

        return new TarHeader(name, (char)block[156], size);
    }

    /// <summary>Reads an octal field, or a base-256 one (first byte 0x80); false when neither.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.Length > 0 && field[0] == 0x80)
        {
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                {
                    return false;
                }

                value = (value << 8) | b;
            }

            return true;
        }

        var seenDigit = false;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (seenDigit)
                {
                    break;
                }

                continue;
            }

            if (b is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(b - '0');
            seenDigit = true;
        }

        return seenDigit;
    }

    /// <summary>The checksum is the byte sum with its own field counted as spaces; old writers summed signed bytes.</summary>
    private static bool ChecksumMatches(ReadOnlySpan<byte> block, long declared)
    {
        long unsigned = 0;
        long signed = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : block[i];
            unsigned += b;
            signed += (sbyte)b;
        }

        return declared == unsigned || declared == signed;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }
}
