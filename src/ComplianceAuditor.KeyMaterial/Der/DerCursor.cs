namespace ComplianceAuditor.KeyMaterial.Der;

/// <summary>Reads the elements of one content region in order; every read is bounds-checked and never throws.</summary>
internal ref struct DerCursor
{
    private readonly ReadOnlySpan<byte> data;
    private int position;

    public DerCursor(ReadOnlySpan<byte> content)
    {
        data = content;
        position = 0;
    }

    public readonly bool AtEnd => position >= data.Length;

    public readonly int Position => position;

    /// <summary>Reads the next definite-length element; indefinite ones are refused (only PFX uses them, at the top).</summary>
    public bool TryRead(out byte tag, out ReadOnlySpan<byte> content)
    {
        tag = 0;
        content = default;
        if (!DerHeader.TryRead(data, position, out var header) || header.IsIndefinite)
        {
            return false;
        }

        tag = header.Tag;
        content = data.Slice(position + header.HeaderLength, header.ContentLength);
        position += header.TotalLength;
        return true;
    }

    /// <summary>The tag of the next element without consuming it, or 0 at the end.</summary>
    public readonly byte PeekTag() => position < data.Length ? data[position] : (byte)0;

    /// <summary>Reads a small non-negative INTEGER such as a version number.</summary>
    public bool TryReadSmallInteger(out int value)
    {
        value = -1;
        if (!TryRead(out var tag, out var content) || tag != 0x02 || content.Length is 0 or > 3 || content[0] >= 0x80)
        {
            return false;
        }

        var v = 0;
        foreach (var b in content)
        {
            v = (v << 8) | b;
        }

        value = v;
        return true;
    }

    /// <summary>Opens the single definite-length element that a whole span holds (its trailing bytes are ignored).</summary>
    public static bool TryOpen(ReadOnlySpan<byte> encoded, byte expectedTag, out ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(encoded);
        content = default;
        return cursor.TryRead(out var tag, out content) && tag == expectedTag;
    }
}
