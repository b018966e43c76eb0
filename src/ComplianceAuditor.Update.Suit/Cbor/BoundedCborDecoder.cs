using System.Formats.Cbor;
using System.Globalization;

namespace ComplianceAuditor.Update.Suit.Cbor;

/// <summary>
/// Decodes CBOR from untrusted bytes into <see cref="CborItem"/> trees within fixed limits. CborReader reads one
/// token per call and never recurses by itself; this walker does, so it bounds its own depth, and it counts every
/// item it builds across all the documents it decodes for one envelope (nested <c>bstr .cbor</c> members included),
/// so that neither a deep nor a wide input can exhaust the stack or the memory. Declared lengths are never used to
/// allocate. Strict conformance rejects repeated map keys and invalid UTF-8: a manifest with two sequence numbers
/// would be read one way here and perhaps the other way on the device. Every failure is a <see cref="SuitFormatException"/> (or the reader's CborContentException or
/// InvalidOperationException, which callers catch alongside it).
/// </summary>
internal sealed class BoundedCborDecoder
{
    /// <summary>Deeper than any SUIT envelope needs (the examples reach about 12, nested envelopes about 24).</summary>
    public const int MaxDepth = 32;

    /// <summary>More items than a real envelope holds (the largest example has a few hundred).</summary>
    public const int MaxItems = 4096;

    /// <summary>
    /// Signatures verified per file. Each unverified one is tried against every catalogued test key, so a file of
    /// hundreds of small signature blocks (or of nested envelopes) would otherwise cost seconds.
    /// </summary>
    public const int MaxSignatures = 16;

    private int signaturesTaken;

    public int ItemsRead { get; private set; }

    /// <summary>Takes one signature verification from the file's budget; throws when it is spent.</summary>
    public void TakeSignature()
    {
        if (++signaturesTaken > MaxSignatures)
        {
            throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"more than {MaxSignatures} signatures in one file; the rest were not verified"));
        }
    }

    /// <summary>Decodes a whole document; bytes left after its single item are a defect.</summary>
    public CborItem Decode(ReadOnlyMemory<byte> bytes, int depth, string what)
    {
        var reader = new CborReader(bytes, CborConformanceMode.Strict);
        var item = Read(reader, depth);
        if (reader.BytesRemaining != 0)
        {
            throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"{what}: {reader.BytesRemaining} byte(s) follow its CBOR item"));
        }

        return item;
    }

    /// <summary>Reads the next item of a reader positioned by the caller.</summary>
    public CborItem Read(CborReader reader, int depth)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (depth > MaxDepth)
        {
            throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"CBOR nested deeper than {MaxDepth} levels"));
        }

        if (++ItemsRead > MaxItems)
        {
            throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"more than {MaxItems} CBOR items"));
        }

        var state = reader.PeekState();
        return state switch
        {
            CborReaderState.UnsignedInteger => CborItem.OfInteger(reader.ReadUInt64()),
            CborReaderState.NegativeInteger => CborItem.OfInteger(-1 - (Int128)reader.ReadCborNegativeIntegerRepresentation()),
            CborReaderState.ByteString => CborItem.OfBytes(reader.ReadDefiniteLengthByteString()),
            CborReaderState.StartIndefiniteLengthByteString => CborItem.OfBytes(reader.ReadByteString()),
            CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString => CborItem.OfText(reader.ReadTextString()),
            CborReaderState.StartArray => ReadArray(reader, depth),
            CborReaderState.StartMap => ReadMap(reader, depth),
            CborReaderState.Tag => CborItem.OfTag((ulong)reader.ReadTag(), Read(reader, depth + 1)),
            CborReaderState.Boolean => CborItem.OfBoolean(reader.ReadBoolean()),
            CborReaderState.Null => ReadNull(reader),
            CborReaderState.Undefined => ReadUndefined(reader),
            CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => ReadFloat(reader),
            CborReaderState.SimpleValue => ReadSimple(reader),
            _ => throw new SuitFormatException($"unexpected CBOR reader state {state}"),
        };
    }

    private CborItem ReadArray(CborReader reader, int depth)
    {
        _ = reader.ReadStartArray();
        var items = new List<CborItem>();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            items.Add(Read(reader, depth + 1));
        }

        reader.ReadEndArray();
        return CborItem.OfArray(items);
    }

    private CborItem ReadMap(CborReader reader, int depth)
    {
        _ = reader.ReadStartMap();
        var entries = new List<KeyValuePair<CborItem, CborItem>>();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = Read(reader, depth + 1);
            entries.Add(new(key, Read(reader, depth + 1)));
        }

        reader.ReadEndMap();
        return CborItem.OfMap(entries);
    }

    private static CborItem ReadNull(CborReader reader)
    {
        reader.ReadNull();
        return CborItem.Of(CborItemKind.Null);
    }

    private static CborItem ReadUndefined(CborReader reader)
    {
        _ = reader.ReadSimpleValue();
        return CborItem.Of(CborItemKind.Undefined);
    }

    private static CborItem ReadFloat(CborReader reader)
    {
        _ = reader.ReadDouble();
        return CborItem.Of(CborItemKind.Float);
    }

    private static CborItem ReadSimple(CborReader reader)
    {
        _ = reader.ReadSimpleValue();
        return CborItem.Of(CborItemKind.Simple);
    }
}
