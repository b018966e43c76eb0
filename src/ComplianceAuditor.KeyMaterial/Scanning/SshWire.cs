using System.Buffers.Binary;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>SSH wire-format reading (RFC 4251 <c>string</c>: a 32-bit big-endian length, then the bytes), bounds-checked.</summary>
internal static class SshWire
{
    /// <summary>Reads one string at <paramref name="position"/>, advancing past it; refuses lengths beyond <paramref name="maxLength"/>.</summary>
    public static bool TryReadString(ReadOnlySpan<byte> data, ref int position, int maxLength, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (position < 0 || data.Length - position < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
        if (length > (uint)maxLength || length > (uint)(data.Length - position - 4))
        {
            return false;
        }

        value = data.Slice(position + 4, (int)length);
        position += 4 + (int)length;
        return true;
    }

    public static bool TryReadUInt32(ReadOnlySpan<byte> data, ref int position, out uint value)
    {
        value = 0;
        if (position < 0 || data.Length - position < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
        position += 4;
        return true;
    }
}
