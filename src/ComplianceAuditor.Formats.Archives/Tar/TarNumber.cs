namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>The numeric fields of a tar header: octal text, or GNU/star base-256 when the first byte has its top bit set.</summary>
internal static class TarNumber
{
    /// <summary>
    /// Parses a numeric field. An all-blank field (spaces and NULs, as some writers leave the device numbers of a regular
    /// file) reads as 0 with <paramref name="empty"/> set. Negative base-256 values and stray characters fail.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out long value, out bool empty)
    {
        value = 0;
        empty = false;
        if (field.IsEmpty)
        {
            empty = true;
            return true;
        }

        if ((field[0] & 0x80) != 0)
        {
            // Two's complement with the top bit as the marker: bit 6 is the sign, and no field read here may be negative.
            if ((field[0] & 0x40) != 0)
            {
                return false;
            }

            long binary = field[0] & 0x3F;
            foreach (var b in field[1..])
            {
                if (binary > (long.MaxValue >> 8))
                {
                    return false;
                }

                binary = (binary << 8) | b;
            }

            value = binary;
            return true;
        }

        var i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }

        var digits = 0;
        long octal = 0;
        for (; i < field.Length && field[i] is >= (byte)'0' and <= (byte)'7'; i++, digits++)
        {
            if (octal > (long.MaxValue >> 3))
            {
                return false;
            }

            octal = (octal << 3) | (long)(field[i] - '0');
        }

        // After the digits only the terminators (space, NUL) may follow.
        for (; i < field.Length; i++)
        {
            if (field[i] is not ((byte)' ' or 0))
            {
                return false;
            }
        }

        empty = digits == 0;
        value = octal;
        return true;
    }
}
