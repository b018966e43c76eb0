namespace ComplianceAuditor.Update.Suit.Cbor;

/// <summary>The CBOR data item kinds a SUIT reader needs to tell apart.</summary>
internal enum CborItemKind
{
    Integer,
    ByteString,
    TextString,
    Array,
    Map,
    Tag,
    Boolean,
    Null,
    Undefined,
    Float,
    Simple,
}
