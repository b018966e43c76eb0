namespace ComplianceAuditor.Update.Suit.Cbor;

/// <summary>
/// One decoded CBOR data item. Byte strings are slices of the input (no copy), so a <c>bstr .cbor</c> member can be
/// decoded later, and hashed or re-encoded exactly as it was sent.
/// </summary>
internal sealed class CborItem
{
    private static readonly IReadOnlyList<CborItem> NoItems = [];
    private static readonly IReadOnlyList<KeyValuePair<CborItem, CborItem>> NoEntries = [];

    private CborItem(CborItemKind kind)
    {
        Kind = kind;
    }

    public CborItemKind Kind { get; }

    /// <summary>The value of an integer (CBOR integers span -2^64 .. 2^64-1, hence 128 bits); 1/0 for booleans.</summary>
    public Int128 Integer { get; private init; }

    public ReadOnlyMemory<byte> Bytes { get; private init; }

    public string Text { get; private init; } = string.Empty;

    /// <summary>The elements of an array, or the single content item of a tag.</summary>
    public IReadOnlyList<CborItem> Items { get; private init; } = NoItems;

    public IReadOnlyList<KeyValuePair<CborItem, CborItem>> Entries { get; private init; } = NoEntries;

    public ulong Tag { get; private init; }

    public static CborItem OfInteger(Int128 value) => new(CborItemKind.Integer) { Integer = value };

    public static CborItem OfBytes(ReadOnlyMemory<byte> value) => new(CborItemKind.ByteString) { Bytes = value };

    public static CborItem OfText(string value) => new(CborItemKind.TextString) { Text = value };

    public static CborItem OfArray(IReadOnlyList<CborItem> items) => new(CborItemKind.Array) { Items = items };

    public static CborItem OfMap(IReadOnlyList<KeyValuePair<CborItem, CborItem>> entries) => new(CborItemKind.Map) { Entries = entries };

    public static CborItem OfTag(ulong tag, CborItem content) => new(CborItemKind.Tag) { Tag = tag, Items = [content] };

    public static CborItem OfBoolean(bool value) => new(CborItemKind.Boolean) { Integer = value ? 1 : 0 };

    public static CborItem Of(CborItemKind kind) => new(kind);

    public bool IsMap => Kind == CborItemKind.Map;

    public bool IsArray => Kind == CborItemKind.Array;

    public bool IsBytes => Kind == CborItemKind.ByteString;

    public bool IsText => Kind == CborItemKind.TextString;

    public bool IsNull => Kind == CborItemKind.Null;

    /// <summary>The content of a tag, or null when this is not that tag.</summary>
    public CborItem? Untag(ulong tag) => Kind == CborItemKind.Tag && Tag == tag ? Items[0] : null;

    /// <summary>The value under an integer key of a map (the first, should a hostile map repeat it), or null.</summary>
    public CborItem? Get(long key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k.Kind == CborItemKind.Integer && k.Integer == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The value as a signed 64-bit integer, or null when it is not an integer in that range.</summary>
    public long? AsInt64() =>
        Kind == CborItemKind.Integer && Integer >= long.MinValue && Integer <= long.MaxValue ? (long)Integer : null;

    /// <summary>The value as an unsigned 64-bit integer, or null when it is not a non-negative integer.</summary>
    public ulong? AsUInt64() => Kind == CborItemKind.Integer && Integer >= 0 ? (ulong)Integer : null;

    /// <summary>What this item is, for a problem message: "a text string", "tag 18".</summary>
    public string Describe() => Kind switch
    {
        CborItemKind.Integer => "an integer",
        CborItemKind.ByteString => "a byte string",
        CborItemKind.TextString => "a text string",
        CborItemKind.Array => "an array",
        CborItemKind.Map => "a map",
        CborItemKind.Tag => $"tag {Tag}",
        CborItemKind.Boolean => "a boolean",
        CborItemKind.Null => "null",
        CborItemKind.Undefined => "undefined",
        CborItemKind.Float => "a float",
        _ => "a simple value",
    };
}
