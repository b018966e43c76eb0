using System.Formats.Cbor;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>Envelopes assembled from raw members, for inputs the builder would never make.</summary>
internal static class SuitRawCbor
{
    public static readonly byte[] ValidManifest = new SuitEnvelopeBuilder().Manifest(1);

    /// <summary>A tag-107 envelope with these contents for the authentication wrapper (key 2) and manifest (key 3) bstrs.</summary>
    public static byte[] Envelope(byte[] wrapperContent, byte[] manifestContent) => Encode(w =>
    {
        w.WriteTag((CborTag)107);
        w.WriteStartMap(2);
        w.WriteInt32(2);
        w.WriteByteString(wrapperContent);
        w.WriteInt32(3);
        w.WriteByteString(manifestContent);
        w.WriteEndMap();
    });

    /// <summary>An authentication wrapper holding only the digest of <paramref name="manifest"/>.</summary>
    public static byte[] DigestOnly(byte[] manifest) => Encode(w =>
    {
        w.WriteStartArray(1);
        w.WriteByteString(SuitEnvelopeBuilder.Digest(manifest));
        w.WriteEndArray();
    });

    public static byte[] Encode(Action<CborWriter> write)
    {
        var writer = new CborWriter();
        write(writer);
        return writer.Encode();
    }
}
