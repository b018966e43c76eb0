using System.Buffers.Binary;
using System.Globalization;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>
/// An MCUboot image read from untrusted bytes: the header, then the optional protected TLV area and the unprotected
/// one after the body. Every offset and length is checked against the bytes before use; a defect is recorded in
/// <see cref="Problem"/> and what was read before it is kept.
/// </summary>
public sealed record McubootImage(McubootHeader Header, IReadOnlyList<McubootTlv> Tlvs, int ProtectedEnd, string? Problem)
{
    private const ushort ProtectedMagic = 0x6908;
    private const ushort UnprotectedMagic = 0x6907;

    /// <summary>More TLVs than any real image has; bounds the work on a hostile area.</summary>
    private const int MaxTlvs = 256;

    /// <summary>The image, or null when the bytes are not an MCUboot image at all.</summary>
    public static McubootImage? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (McubootHeader.TryRead(bytes) is not { } header)
        {
            return null;
        }

        var tlvs = new List<McubootTlv>();
        if (header.HeaderSize < McubootHeader.Size)
        {
            return new McubootImage(header, tlvs, 0, string.Create(CultureInfo.InvariantCulture, $"the header size {header.HeaderSize} is smaller than the 32-byte header"));
        }

        var bodyEnd = (long)header.HeaderSize + header.ImageSize;
        if (bodyEnd > bytes.Length)
        {
            return new McubootImage(header, tlvs, 0, string.Create(CultureInfo.InvariantCulture, $"the body ends at {bodyEnd}, past the end of the {bytes.Length}-byte file"));
        }

        var at = (int)bodyEnd;
        var protectedEnd = at;
        string? problem = null;
        if (header.ProtectedTlvSize > 0)
        {
            problem = ReadArea(bytes, at, ProtectedMagic, isProtected: true, tlvs, out var size);
            at += size;
            protectedEnd = at;
            if (problem is null && size != header.ProtectedTlvSize)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the protected TLV area is {size} bytes but the header says {header.ProtectedTlvSize}");
            }
        }

        problem ??= ReadArea(bytes, at, UnprotectedMagic, isProtected: false, tlvs, out _);
        return new McubootImage(header, tlvs, protectedEnd, problem);
    }

    public McubootTlv? Find(ushort type) => Tlvs.Any(t => t.Type == type) ? Tlvs.First(t => t.Type == type) : null;

    /// <summary>The SEC_CNT value (the hardware rollback counter), or null when the image has none.</summary>
    public uint? SecurityCounter(ReadOnlySpan<byte> bytes) =>
        Find(McubootTlv.SecurityCounter) is { Length: 4 } tlv ? BinaryPrimitives.ReadUInt32LittleEndian(tlv.Value(bytes)) : null;

    private static string? ReadArea(ReadOnlySpan<byte> bytes, int start, ushort magic, bool isProtected, List<McubootTlv> tlvs, out int size)
    {
        size = 0;
        var name = isProtected ? "protected TLV area" : "TLV area";
        if (start + 4 > bytes.Length)
        {
            return $"the {name} is missing: the file ends after the body";
        }

        var found = BinaryPrimitives.ReadUInt16LittleEndian(bytes[start..]);
        if (found != magic)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the {name} starts with 0x{found:x4}, not 0x{magic:x4}");
        }

        size = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(start + 2)..]);
        if (size < 4 || start + size > bytes.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the {name} claims {size} bytes; the file has {bytes.Length - start} from there");
        }

        var at = start + 4;
        while (at < start + size)
        {
            if (tlvs.Count == MaxTlvs)
            {
                return string.Create(CultureInfo.InvariantCulture, $"more than {MaxTlvs} TLVs; the rest were not read");
            }

            if (at + 4 > start + size)
            {
                return $"a TLV header in the {name} is cut off by the area's end";
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 2)..]);
            if (at + 4 + length > start + size)
            {
                return string.Create(CultureInfo.InvariantCulture, $"TLV 0x{type:x2} of {length} bytes runs past the end of the {name}");
            }

            tlvs.Add(new McubootTlv(type, at + 4, length, isProtected));
            at += 4 + length;
        }

        return null;
    }
}
