using System.Formats.Cbor;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// A SUIT_Digest, <c>[algorithm-id, digest-bytes]</c>. SUIT digests cover the <em>bstr-wrapped</em> encoding of what
/// they protect (the byte-string header included), because that is how the member sits in its parent map.
/// </summary>
internal sealed record SuitDigest(long Algorithm, ReadOnlyMemory<byte> Value)
{
    /// <summary>The digest, or a <see cref="SuitFormatException"/> naming what is wrong with it.</summary>
    public static SuitDigest Parse(CborItem item, string what)
    {
        if (!item.IsArray || item.Items.Count < 2 || item.Items[0].AsInt64() is not { } algorithm || !item.Items[1].IsBytes)
        {
            throw new SuitFormatException($"{what} is not a SUIT_Digest [algorithm-id, bstr]");
        }

        return new SuitDigest(algorithm, item.Items[1].Bytes);
    }

    /// <summary>The algorithm's name; the COSE number for one SUIT does not define.</summary>
    public string AlgorithmName => Algorithm switch
    {
        -16 => "SHA-256",
        -18 => "SHAKE128",
        -43 => "SHA-384",
        -44 => "SHA-512",
        -45 => "SHAKE256",
        -14 => "SHA-1",
        -15 => "SHA-256/64",
        -17 => "SHA-512/256",
        _ => string.Create(CultureInfo.InvariantCulture, $"COSE hash algorithm {Algorithm}"),
    };

    /// <summary>Whether the algorithm is one the SUIT manifest specification allows (SHA-256 required, SHA-384/512 and SHAKE optional).</summary>
    public bool IsSuitAlgorithm => Algorithm is -16 or -18 or -43 or -44 or -45;

    /// <summary>Whether the digest matches the bstr-wrapped <paramref name="content"/>; null for an algorithm not recomputed here.</summary>
    public bool? Matches(ReadOnlyMemory<byte> content)
    {
        var writer = new CborWriter();
        writer.WriteByteString(content.Span);
        var wrapped = writer.Encode();
        byte[]? computed = Algorithm switch
        {
            -16 => SHA256.HashData(wrapped),
            -43 => SHA384.HashData(wrapped),
            -44 => SHA512.HashData(wrapped),
            _ => null,
        };
        return computed is null ? null : computed.AsSpan().SequenceEqual(Value.Span);
    }

    public override string ToString() => AlgorithmName + " " + SuitText.Hex(Value.Span);
}
