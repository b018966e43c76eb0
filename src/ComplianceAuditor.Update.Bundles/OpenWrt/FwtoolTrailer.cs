using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Bundles.OpenWrt;

/// <summary>
/// One block fwtool appended to an OpenWrt image: its data, then a 16-byte big-endian trailer (magic "FWx0", CRC-32,
/// type, 3 pad bytes, block size including the trailer). The CRC is the raw reflected CRC-32 register (seed ~0, no
/// final inversion) over every byte of the file before the trailer.
/// </summary>
internal sealed record FwtoolTrailer(int BlockStart, int TrailerStart, uint Crc, byte Type, bool CrcMatches)
{
    public const uint Magic = 0x46577830;
    public const byte SignatureType = 0;
    public const byte MetadataType = 1;
    private const int Size = 16;

    /// <summary>fwtool refuses blocks larger than its 32 KiB buffer; anything larger is not its output.</summary>
    private const int MaxBlock = 32 * 1024;

    /// <summary>fwtool appends one metadata and one signature block; a few more are tolerated.</summary>
    private const int MaxTrailers = 4;

    public int DataStart => BlockStart;

    public int DataLength => TrailerStart - BlockStart;

    /// <summary>The trailers from the last one backwards, or an empty list when the file does not end with one.</summary>
    public static IReadOnlyList<FwtoolTrailer> ReadAll(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        var found = new List<(int Block, int Trailer, uint Crc, byte Type)>();
        var end = bytes.Length;
        while (found.Count < MaxTrailers && end >= Size && BinaryPrimitives.ReadUInt32BigEndian(bytes[(end - Size)..]) == Magic)
        {
            var trailer = bytes[(end - Size)..end];
            var size = BinaryPrimitives.ReadUInt32BigEndian(trailer[12..]);
            if (size < Size || size > MaxBlock || size > end)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the fwtool trailer at {end - Size} declares an impossible block size {size}");
                break;
            }

            found.Add((end - (int)size, end - Size, BinaryPrimitives.ReadUInt32BigEndian(trailer[4..]), trailer[8]));
            end -= (int)size;
        }

        // Every CRC runs from the start of the file; feeding the register forward through the trailers in file order
        // reads the image once however many blocks there are.
        var register = Crc32.Start;
        var at = 0;
        var trailers = new List<FwtoolTrailer>();
        foreach (var (block, trailerStart, crc, type) in Enumerable.Reverse(found))
        {
            register = Crc32.Update(register, bytes[at..trailerStart]);
            at = trailerStart;
            trailers.Insert(0, new FwtoolTrailer(block, trailerStart, crc, type, register == crc));
        }

        return trailers;
    }
}
