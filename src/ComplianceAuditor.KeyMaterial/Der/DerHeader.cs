namespace ComplianceAuditor.KeyMaterial.Der;

/// <summary>
/// One BER/DER tag-and-length header read from untrusted bytes. Only what key structures use is accepted: low tag
/// numbers (a high-tag-number form never occurs in keys, certificates or PKCS#12) and lengths of up to four bytes.
/// </summary>
internal readonly record struct DerHeader(byte Tag, int HeaderLength, int ContentLength)
{
    /// <summary>The content length of an indefinite-length (BER) constructed element.</summary>
    public const int Indefinite = -1;

    public bool IsConstructed => (Tag & 0x20) != 0;

    public bool IsIndefinite => ContentLength == Indefinite;

    /// <summary>Header plus content; only for definite lengths.</summary>
    public int TotalLength => HeaderLength + ContentLength;

    /// <summary>
    /// Reads the header at <paramref name="pos"/>. A definite length must fit in the bytes that follow it, so a header
    /// claiming gigabytes is refused here, before anything allocates from it.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, int pos, out DerHeader header)
    {
        header = default;
        if ((uint)pos >= (uint)data.Length || data.Length - pos < 2)
        {
            return false;
        }

        var tag = data[pos];
        if ((tag & 0x1F) == 0x1F)
        {
            return false;
        }

        int first = data[pos + 1];
        int headerLength;
        int length;
        if (first < 0x80)
        {
            headerLength = 2;
            length = first;
        }
        else if (first == 0x80)
        {
            // Indefinite length is legal BER only for constructed elements.
            if ((tag & 0x20) == 0)
            {
                return false;
            }

            header = new DerHeader(tag, 2, Indefinite);
            return true;
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4 || data.Length - pos < 2 + count)
            {
                return false;
            }

            long value = 0;
            for (var i = 0; i < count; i++)
            {
                value = (value << 8) | data[pos + 2 + i];
            }

            if (value > int.MaxValue)
            {
                return false;
            }

            headerLength = 2 + count;
            length = (int)value;
        }

        if (length > data.Length - pos - headerLength)
        {
            return false;
        }

        header = new DerHeader(tag, headerLength, length);
        return true;
    }
}
