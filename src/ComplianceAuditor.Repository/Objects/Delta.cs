namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// git's delta format: the source and result sizes as variable-length numbers, then instructions that either copy a
/// range of the source (high bit set; which offset and size bytes follow is in the low seven bits) or insert the next
/// 1-127 bytes of the delta. Every range is checked against the source, the delta and the stated result size.
/// </summary>
internal static class Delta
{
    /// <summary>The result size a delta states, read from its header.</summary>
    public static long ResultSize(byte[] delta)
    {
        var position = 0;
        _ = Number(delta, ref position);
        return Number(delta, ref position);
    }

    public static byte[] Apply(byte[] source, byte[] delta)
    {
        var position = 0;
        var sourceSize = Number(delta, ref position);
        var resultSize = Number(delta, ref position);
        if (sourceSize != source.Length || resultSize > Array.MaxLength)
        {
            throw new InvalidDataException($"a delta for a {sourceSize}-byte base was given a {source.Length}-byte one");
        }

        var result = new byte[resultSize];
        var written = 0;
        while (position < delta.Length)
        {
            int op = delta[position++];
            if ((op & 0x80) != 0)
            {
                long offset = 0;
                long size = 0;
                for (var i = 0; i < 4; i++)
                {
                    if ((op & (1 << i)) != 0)
                    {
                        offset |= (long)Byte(delta, ref position) << (8 * i);
                    }
                }

                for (var i = 0; i < 3; i++)
                {
                    if ((op & (0x10 << i)) != 0)
                    {
                        size |= (long)Byte(delta, ref position) << (8 * i);
                    }
                }

                size = size == 0 ? 0x10000 : size;
                if (offset + size > source.Length || written + size > result.Length)
                {
                    throw new InvalidDataException("a delta copies from outside its base or past its stated size");
                }

                Array.Copy(source, offset, result, written, size);
                written += (int)size;
            }
            else if (op != 0)
            {
                if (position + op > delta.Length || written + op > result.Length)
                {
                    throw new InvalidDataException("a delta inserts past its own end or past its stated size");
                }

                Array.Copy(delta, position, result, written, op);
                position += op;
                written += op;
            }
            else
            {
                throw new InvalidDataException("a delta holds the reserved instruction 0");
            }
        }

        return written == result.Length ? result : throw new InvalidDataException("a delta ends before its stated size");
    }

    private static long Number(byte[] delta, ref int position)
    {
        long value = 0;
        var shift = 0;
        int b;
        do
        {
            b = Byte(delta, ref position);
            if (shift > 56)
            {
                throw new InvalidDataException("a delta size does not fit in 64 bits");
            }

            value |= (long)(b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }

    private static byte Byte(byte[] delta, ref int position) =>
        position < delta.Length ? delta[position++] : throw new InvalidDataException("a delta ends inside an instruction");
}
