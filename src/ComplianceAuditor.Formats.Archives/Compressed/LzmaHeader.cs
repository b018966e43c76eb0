using System.Buffers.Binary;
using System.Globalization;

namespace ComplianceAuditor.Formats.Archives.Compressed;

/// <summary>
/// The 13-byte header of an LZMA-alone (.lzma) stream: properties byte (lc, lp, pb), dictionary size, and the
/// uncompressed size or -1 for "unknown, ends with an end marker".
/// </summary>
/// <remarks>
/// The format has no magic number, so recognising it is guesswork that must be strict: a properties byte below 225, a
/// dictionary size that LZMA tools actually write (2^n or 2^n + 2^(n-1), 4 KiB to 1.5 GiB), a size that is unknown or
/// below 1 TiB, and a first range-coder byte of zero (the encoder always emits one). Random data passes all of that
/// about once in 10^11 positions; what passes is still only a guess, which the decoder then confirms or rejects.
/// </remarks>
internal sealed record LzmaHeader(byte Properties, uint DictionarySize, long? UncompressedSize)
{
    public const int Size = 13;

    /// <summary>Largest uncompressed size taken as plausible; firmware streams are far smaller.</summary>
    public const long MaxPlausibleSize = 1L << 40;

    /// <summary>
    /// Largest dictionary the decoder is given: the biggest xz/lzma preset (-9). A header asking for more is decoded
    /// with this much; a stream that really reaches further back then fails as corrupt instead of taking gigabytes.
    /// </summary>
    public const uint MaxDictionary = 64u << 20;

    private const uint MinDictionary = 4u << 10;
    private const uint LargestDictionary = 3u << 29;

    public int LiteralContextBits => Properties % 9;

    public int LiteralPositionBits => Properties / 9 % 5;

    public int PositionBits => Properties / 45;

    /// <summary>Needs <see cref="Size"/> + 1 bytes: the header and the first byte of compressed data.</summary>
    public static LzmaHeader? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size + 1 || bytes[0] >= 225 || bytes[Size] != 0)
        {
            return null;
        }

        var dictionary = BinaryPrimitives.ReadUInt32LittleEndian(bytes[1..]);
        if (dictionary is < MinDictionary or > LargestDictionary || !IsToolDictionarySize(dictionary))
        {
            return null;
        }

        var size = BinaryPrimitives.ReadInt64LittleEndian(bytes[5..]);
        if (size != -1 && size is < 0 or > MaxPlausibleSize)
        {
            return null;
        }

        return new LzmaHeader(bytes[0], dictionary, size == -1 ? null : size);
    }

    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"lzma, lc={LiteralContextBits} lp={LiteralPositionBits} pb={PositionBits}, {DictionarySize >> 10} KiB dictionary");
        return UncompressedSize is { } size ? string.Create(CultureInfo.InvariantCulture, $"{text}, {size} bytes") : text;
    }

    /// <summary>The 5-byte properties for the decoder, with the dictionary capped at <see cref="MaxDictionary"/>.</summary>
    public byte[] DecoderProperties()
    {
        var properties = new byte[5];
        properties[0] = Properties;
        BinaryPrimitives.WriteUInt32LittleEndian(properties.AsSpan(1), Math.Min(DictionarySize, MaxDictionary));
        return properties;
    }

    private static bool IsToolDictionarySize(uint size)
    {
        if (uint.IsPow2(size))
        {
            return true;
        }

        // 2^n + 2^(n-1) is 3 * 2^(n-1): a power of two times three.
        return size % 3 == 0 && uint.IsPow2(size / 3);
    }
}
