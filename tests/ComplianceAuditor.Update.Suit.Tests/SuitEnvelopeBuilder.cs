using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>
/// Builds SUIT envelopes in the shape of the draft's examples (shared sequence setting vendor, class, image digest
/// and size and checking the conditions; validate, invoke and install sequences), authenticated by keys the test
/// makes. ES256 blocks are made by .NET's own COSE library, so the reader is checked against an independent
/// implementation of the Sig_structure; other algorithms go through <see cref="CustomSigner"/>.
/// </summary>
internal sealed class SuitEnvelopeBuilder
{
    public static readonly byte[] VendorId = Convert.FromHexString("fa6b4a53d5ad5fdfbe9de663e4d41ffe");
    public static readonly byte[] ClassId = Convert.FromHexString("1492af1425695e48bf429b2d51f2ab45");

    public ulong? SequenceNumber { get; init; } = 1;

    public ulong? ManifestVersion { get; init; } = 1;

    public bool VendorCondition { get; init; } = true;

    public bool ClassCondition { get; init; } = true;

    public bool ImageDigest { get; init; } = true;

    public bool ImageSize { get; init; } = true;

    public string? Uri { get; init; } = "https://updates.example.com/firmware.bin";

    public bool Tagged { get; init; } = true;

    /// <summary>Signs with a COSE_Sign1 ES256 block.</summary>
    public ECDsa? Signer { get; init; }

    public byte[]? KeyId { get; init; }

    /// <summary>Signs with one COSE_Sign block holding a signature of each key.</summary>
    public IReadOnlyList<ECDsa> MultiSigners { get; init; } = [];

    /// <summary>A COSE_Sign1 with another algorithm: its COSE id and a function signing the Sig_structure.</summary>
    public (long Algorithm, Func<byte[], byte[]> Sign)? CustomSigner { get; init; }

    /// <summary>Adds a COSE_Mac0 HMAC 256/256 block.</summary>
    public bool Mac { get; init; }

    /// <summary>When set, the envelope carries a manifest with this sequence number, but the digest and signatures of the original.</summary>
    public ulong? TamperedSequenceNumber { get; init; }

    public byte[] Build()
    {
        var manifest = Manifest(SequenceNumber);
        var digest = Digest(manifest);
        var blocks = new List<byte[]>();
        if (Signer is not null)
        {
            var unprotectedHeaders = new CoseHeaderMap();
            if (KeyId is not null)
            {
                unprotectedHeaders.Add(CoseHeaderLabel.KeyIdentifier, KeyId);
            }

            var signer = new CoseSigner(Signer, HashAlgorithmName.SHA256, unprotectedHeaders: unprotectedHeaders);
            blocks.Add(CoseSign1Message.SignDetached(digest, signer));
        }

        if (MultiSigners.Count > 0)
        {
            var encoded = CoseMultiSignMessage.SignDetached(digest, new CoseSigner(MultiSigners[0], HashAlgorithmName.SHA256));
            var message = CoseMessage.DecodeMultiSign(encoded);
            foreach (var key in MultiSigners.Skip(1))
            {
                message.AddSignatureForDetached(digest, new CoseSigner(key, HashAlgorithmName.SHA256));
            }

            blocks.Add(message.Encode());
        }

        if (CustomSigner is { } custom)
        {
            blocks.Add(Sign1(custom.Algorithm, digest, custom.Sign));
        }

        if (Mac)
        {
            blocks.Add(Mac0(digest));
        }

        var envelopeManifest = TamperedSequenceNumber is { } tampered ? Manifest(tampered) : manifest;
        return Envelope(Encode(w => Array(w, [w2 => w2.WriteByteString(digest), .. blocks.Select<byte[], Action<CborWriter>>(b => w2 => w2.WriteByteString(b))])), envelopeManifest);
    }

    /// <summary>The encoding of SUIT_Digest [-16, SHA-256 over the bstr-wrapped manifest], as signatures cover it.</summary>
    public static byte[] Digest(byte[] manifest) =>
        Encode(w => Array(w, [w2 => w2.WriteInt32(-16), w2 => w2.WriteByteString(SHA256.HashData(Encode(w3 => w3.WriteByteString(manifest))))]));

    public byte[] Manifest(ulong? sequenceNumber)
    {
        var entries = new List<(int Key, Action<CborWriter> Value)>();
        if (ManifestVersion is { } version)
        {
            entries.Add((1, w => w.WriteUInt64(version)));
        }

        if (sequenceNumber is { } sequence)
        {
            entries.Add((2, w => w.WriteUInt64(sequence)));
        }

        entries.Add((3, w => w.WriteByteString(Common())));
        entries.Add((7, w => w.WriteByteString(Sequence([3, 15]))));
        entries.Add((9, w => w.WriteByteString(Sequence([23, 2]))));
        if (Uri is { } uri)
        {
            entries.Add((20, w => w.WriteByteString(Encode(s => Array(s,
                [x => x.WriteInt32(20), x => Map(x, [(21, y => y.WriteTextString(uri))]), x => x.WriteInt32(21), x => x.WriteInt32(15)])))));
        }

        return Encode(w => Map(w, entries));
    }

    private byte[] Common()
    {
        var parameters = new List<(int, Action<CborWriter>)> { (1, w => w.WriteByteString(VendorId)), (2, w => w.WriteByteString(ClassId)) };
        if (ImageDigest)
        {
            parameters.Add((3, w => w.WriteByteString(Digest([1, 2, 3]))));
        }

        if (ImageSize)
        {
            parameters.Add((14, w => w.WriteUInt32(34768)));
        }

        var shared = new List<Action<CborWriter>> { w => w.WriteInt32(20), w => Map(w, parameters) };
        foreach (var condition in new[] { VendorCondition ? 1 : 0, ClassCondition ? 2 : 0 }.Where(c => c != 0))
        {
            shared.Add(w => w.WriteInt32(condition));
            shared.Add(w => w.WriteInt32(15));
        }

        return Encode(w => Map(w, [(2, c => Array(c, [d => Array(d, [e => e.WriteByteString([0])])])), (4, c => c.WriteByteString(Encode(s => Array(s, shared))))]));
    }

    private byte[] Envelope(byte[] wrapper, byte[] manifest) => Encode(w =>
    {
        if (Tagged)
        {
            w.WriteTag((CborTag)107);
        }

        Map(w, [(2, x => x.WriteByteString(wrapper)), (3, x => x.WriteByteString(manifest))]);
    });

    private static byte[] Sign1(long algorithm, byte[] payload, Func<byte[], byte[]> sign)
    {
        var protectedHeaders = Encode(w => Map(w, [(1, x => x.WriteInt64(algorithm))]));
        var toBeSigned = Encode(w => Array(w,
            [x => x.WriteTextString("Signature1"), x => x.WriteByteString(protectedHeaders), x => x.WriteByteString([]), x => x.WriteByteString(payload)]));
        var signature = sign(toBeSigned);
        return Encode(w =>
        {
            w.WriteTag((CborTag)18);
            Array(w, [x => x.WriteByteString(protectedHeaders), x => Map(x, []), x => x.WriteNull(), x => x.WriteByteString(signature)]);
        });
    }

    private static byte[] Mac0(byte[] payload) => Encode(w =>
    {
        w.WriteTag((CborTag)17);
        Array(w, [x => x.WriteByteString(Encode(m => Map(m, [(1, y => y.WriteInt32(5))]))), x => Map(x, []), x => x.WriteNull(),
            x => x.WriteByteString(HMACSHA256.HashData(new byte[32], payload))]);
    });

    private static byte[] Sequence(int[] items) => Encode(w => Array(w, [.. items.Select<int, Action<CborWriter>>(i => x => x.WriteInt32(i))]));

    private static void Array(CborWriter writer, List<Action<CborWriter>> items)
    {
        writer.WriteStartArray(items.Count);
        foreach (var item in items)
        {
            item(writer);
        }

        writer.WriteEndArray();
    }

    private static void Map(CborWriter writer, List<(int Key, Action<CborWriter> Value)> entries)
    {
        writer.WriteStartMap(entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.WriteInt32(key);
            value(writer);
        }

        writer.WriteEndMap();
    }

    private static byte[] Encode(Action<CborWriter> write)
    {
        var writer = new CborWriter();
        write(writer);
        return writer.Encode();
    }
}
