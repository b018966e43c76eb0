using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Matter;

/// <summary>
/// Reads the top-level anonymous structure of Matter TLV (Matter core specification, appendix A) into its
/// context-tagged scalar members. Nested containers are skipped with their depth bounded; every length is checked
/// against the bytes. Enough for the OTA image header, whose members are all scalars.
/// </summary>
internal static class MatterTlvReader
{
    private const int MaxDepth = 8;
    private const int MaxElements = 1024;

    /// <summary>The members by context tag, or null with <paramref name="problem"/>.</summary>
    public static Dictionary<int, MatterTlvValue>? TryReadStructure(ReadOnlySpan<byte> tlv, out string? problem)
    {
        problem = null;
        var members = new Dictionary<int, MatterTlvValue>();
        if (tlv.Length == 0 || tlv[0] != 0x15)
        {
            problem = "the header TLV does not start with an anonymous structure";
            return null;
        }

        var at = 1;
        var depth = 1;
        for (var count = 0; count < MaxElements; count++)
        {
            if (at >= tlv.Length)
            {
                problem = "the header TLV ends inside its structure";
                return null;
            }

            var control = tlv[at++];
            var type = control & 0x1F;
            if (type == 0x18)
            {
                if (--depth == 0)
                {
                    return members;
                }

                continue;
            }

            int? tag = null;
            var tagLength = (control >> 5) switch { 0 => 0, 1 => 1, 2 or 4 => 2, 3 or 5 => 4, 6 => 6, _ => 8 };
            if (at + tagLength > tlv.Length)
            {
                problem = "a TLV tag runs past the header";
                return null;
            }

            if (tagLength == 1)
            {
                tag = tlv[at];
            }

            at += tagLength;
            if (type is 0x15 or 0x16 or 0x17)
            {
                if (++depth > MaxDepth)
                {
                    problem = "the header TLV is nested too deeply";
                    return null;
                }

                continue;
            }

            if (ReadScalar(tlv, ref at, type, out problem) is not { } value)
            {
                return problem is null ? members : null;
            }

            if (depth == 1 && tag is { } t)
            {
                members[t] = value;
            }
        }

        problem = string.Create(CultureInfo.InvariantCulture, $"more than {MaxElements} TLV elements");
        return null;
    }

    private static MatterTlvValue? ReadScalar(ReadOnlySpan<byte> tlv, ref int at, int type, out string? problem)
    {
        problem = null;
        int size = type switch
        {
            <= 0x07 => 1 << (type & 3),
            0x08 or 0x09 or 0x14 => 0,
            0x0A => 4,
            0x0B => 8,
            >= 0x0C and <= 0x13 => 1 << ((type - 0x0C) & 3),
            _ => -1,
        };
        if (size < 0 || at + size > tlv.Length)
        {
            problem = size < 0 ? string.Create(CultureInfo.InvariantCulture, $"unknown TLV element type 0x{type:x2}") : "a TLV element runs past the header";
            return null;
        }

        var field = tlv.Slice(at, size);
        at += size;
        ulong number = size switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(field),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(field),
            8 => BinaryPrimitives.ReadUInt64LittleEndian(field),
            _ => 0,
        };
        if (type is < 0x0C or > 0x13)
        {
            // Integers, booleans (0x08 false, 0x09 true), null and floats: only integers are used by the header.
            return new MatterTlvValue(type <= 0x07 ? number : type == 0x09 ? 1 : type == 0x08 ? 0 : null, null, null);
        }

        if (number > (ulong)(tlv.Length - at))
        {
            problem = "a TLV string runs past the header";
            return null;
        }

        var content = tlv.Slice(at, (int)number);
        at += (int)number;
        return type <= 0x0F ? new MatterTlvValue(null, Encoding.UTF8.GetString(content), null) : new MatterTlvValue(null, null, content.ToArray());
    }
}
