namespace ComplianceAuditor.KeyMaterial.Der;

/// <summary>
/// Checks that bytes are one well-formed BER/DER element before a recursive parser (BouncyCastle) sees them. That
/// parser recurses once per nesting level and has no depth limit, so a few kilobytes of nested SEQUENCE headers could
/// overflow the stack, which no catch block survives. The walk here uses an explicit stack, bounds the depth, also
/// looks inside OCTET and BIT STRINGs whose content is itself an encoding (PKCS#8, PKCS#12 and SPKI wrap structures
/// that way, and the parser opens them later), and caps the sizes of INTEGERs and OIDs so that no arithmetic done on
/// them later can take long.
/// </summary>
internal static class DerWalker
{
    /// <summary>Real key structures nest about ten levels deep (PKCS#12 included); this leaves room and no more.</summary>
    public const int MaxDepth = 24;

    /// <summary>A 16384-bit RSA modulus plus its sign byte; nothing legitimate is larger.</summary>
    public const int MaxIntegerBytes = 2050;

    /// <summary>OIDs in key structures are a dozen bytes; BouncyCastle would accept far longer ones.</summary>
    public const int MaxOidBytes = 64;

    /// <summary>
    /// Validates the element starting at offset 0 of <paramref name="data"/> and returns its total length (the
    /// content of an indefinite-length element runs up to its end-of-contents marker). Trailing bytes are ignored.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        var outcome = Walk(data, MaxDepth, out length);
        return outcome == WalkOutcome.Valid;
    }

    private static WalkOutcome Walk(ReadOnlySpan<byte> data, int depthBudget, out int length)
    {
        length = 0;
        if (depthBudget <= 0)
        {
            return WalkOutcome.TooDeep;
        }

        // ends[i] is the end offset of open container i, or -1 while it is an indefinite-length one.
        Span<int> ends = stackalloc int[MaxDepth + 1];
        var depth = 0;
        var pos = 0;
        do
        {
            var limit = NearestEnd(ends[..depth], data.Length);
            if (depth > 0 && ends[depth - 1] < 0 && limit - pos >= 2 && data[pos] == 0 && data[pos + 1] == 0)
            {
                // End-of-contents marker closes the innermost indefinite container.
                pos += 2;
                depth--;
                if (depth > 0 && ends[depth - 1] >= 0 && pos > ends[depth - 1])
                {
                    return WalkOutcome.Malformed;
                }

                continue;
            }

            if (depth > 0 && ends[depth - 1] >= 0 && pos == ends[depth - 1])
            {
                depth--;
                continue;
            }

            if (!DerHeader.TryRead(data[..limit], pos, out var header))
            {
                return WalkOutcome.Malformed;
            }

            var contentStart = pos + header.HeaderLength;
            if (header.IsConstructed)
            {
                if (depth + 1 >= depthBudget)
                {
                    return WalkOutcome.TooDeep;
                }

                ends[depth++] = header.IsIndefinite ? -1 : contentStart + header.ContentLength;
                pos = contentStart;
                continue;
            }

            var content = data.Slice(contentStart, header.ContentLength);
            var check = CheckPrimitive(header.Tag, content, depthBudget - depth - 1);
            if (check != WalkOutcome.Valid)
            {
                return check;
            }

            pos = contentStart + header.ContentLength;
        }
        while (depth > 0);

        length = pos;
        return WalkOutcome.Valid;
    }

    /// <summary>Elements inside an indefinite container are still bounded by the nearest definite ancestor.</summary>
    private static int NearestEnd(ReadOnlySpan<int> openEnds, int dataLength)
    {
        for (var i = openEnds.Length - 1; i >= 0; i--)
        {
            if (openEnds[i] >= 0)
            {
                return openEnds[i];
            }
        }

        return dataLength;
    }

    private static WalkOutcome CheckPrimitive(byte tag, ReadOnlySpan<byte> content, int depthBudget)
    {
        switch (tag)
        {
            case 0x02 when content.Length > MaxIntegerBytes:
            case 0x06 when content.Length > MaxOidBytes || content.IsEmpty:
                return WalkOutcome.Malformed;
            case 0x04:
                return Encapsulated(content, depthBudget);
            case 0x03 when content.Length > 1 && content[0] == 0:
                return Encapsulated(content[1..], depthBudget);
            default:
                return WalkOutcome.Valid;
        }
    }

    /// <summary>
    /// A string's content is opaque unless it starts like a constructed element; if it does, the parser may open it
    /// later, so it must pass the same checks. Content that merely fails to parse stays opaque, but content that nests
    /// too deep condemns the whole candidate, because the parser would recurse into it before noticing any error.
    /// </summary>
    private static WalkOutcome Encapsulated(ReadOnlySpan<byte> content, int depthBudget)
    {
        if (content.Length < 2 || (content[0] & 0x20) == 0)
        {
            return WalkOutcome.Valid;
        }

        var outcome = Walk(content, depthBudget, out _);
        return outcome == WalkOutcome.TooDeep ? WalkOutcome.TooDeep : WalkOutcome.Valid;
    }
}
