namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// Walks the TLV structure of BER/DER bytes without building anything, before they reach BouncyCastle: its parser
/// recurses once per nesting level, so a few megabytes of nested SEQUENCE headers would exhaust the stack. The walk is
/// iterative, checks every length against its parent, and bounds the depth.
/// </summary>
internal static class DerScan
{
    /// <summary>Deeper than any CMS or certificate (which stay under twenty levels).</summary>
    public const int MaxDepth = 40;

    /// <summary>The encoded size of the element at the start of <paramref name="der"/>, or null when it is malformed or too deep.</summary>
    public static int? MeasureElement(ReadOnlySpan<byte> der)
    {
        // Each open constructed element: its end offset, or -1 while waiting for an end-of-contents marker.
        var ends = new Stack<long>();
        var at = 0;
        while (true)
        {
            if (ends.Count > 0)
            {
                var end = ends.Peek();
                if (end == at)
                {
                    ends.Pop();
                    if (ends.Count == 0)
                    {
                        return at;
                    }

                    continue;
                }

                if (end < 0 && at + 2 <= der.Length && der[at] == 0 && der[at + 1] == 0)
                {
                    at += 2;
                    ends.Pop();
                    if (ends.Count == 0)
                    {
                        return at;
                    }

                    continue;
                }
            }

            if (!TryReadHeader(der, ref at, out var constructed, out var length))
            {
                return null;
            }

            var limit = EnclosingEnd(ends, der.Length);
            if (length < 0)
            {
                if (!constructed || ends.Count >= MaxDepth)
                {
                    return null;
                }

                ends.Push(-1);
                continue;
            }

            var elementEnd = at + length;
            if (elementEnd > limit)
            {
                return null;
            }

            if (constructed)
            {
                if (ends.Count >= MaxDepth)
                {
                    return null;
                }

                ends.Push(elementEnd);
                continue;
            }

            at = (int)elementEnd;
            if (ends.Count == 0)
            {
                return at;
            }
        }
    }

    private static long EnclosingEnd(Stack<long> ends, int total)
    {
        foreach (var end in ends)
        {
            if (end >= 0)
            {
                return end;
            }
        }

        return total;
    }

    /// <summary>Reads a tag and a length; <paramref name="length"/> is -1 for the indefinite form.</summary>
    private static bool TryReadHeader(ReadOnlySpan<byte> der, ref int at, out bool constructed, out long length)
    {
        constructed = false;
        length = 0;
        if (at >= der.Length)
        {
            return false;
        }

        var tag = der[at++];
        constructed = (tag & 0x20) != 0;
        if ((tag & 0x1F) == 0x1F)
        {
            // High tag numbers continue while the top bit is set; four bytes cover every tag in use.
            var count = 0;
            do
            {
                if (at >= der.Length || ++count > 4)
                {
                    return false;
                }
            }
            while ((der[at++] & 0x80) != 0);
        }

        if (at >= der.Length)
        {
            return false;
        }

        var first = der[at++];
        if (first < 0x80)
        {
            length = first;
            return true;
        }

        if (first == 0x80)
        {
            length = -1;
            return true;
        }

        var octets = first & 0x7F;
        if (octets > 4 || at + octets > der.Length)
        {
            return false;
        }

        for (var i = 0; i < octets; i++)
        {
            length = (length << 8) | der[at++];
        }

        return length <= int.MaxValue;
    }
}
