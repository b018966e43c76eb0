using System.Text;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit.Cose;

/// <summary>
/// The two COSE header buckets of a message or signer: the protected one (a bstr holding a map, covered by the
/// signature) and the unprotected map. The algorithm (label 1) and key id (label 4) are taken from the protected
/// bucket first, as COSE requires of the algorithm.
/// </summary>
internal sealed record CoseHeaders(ReadOnlyMemory<byte> ProtectedBytes, long? Algorithm, string? AlgorithmText, string? KeyId)
{
    private const int AlgorithmLabel = 1;
    private const int KeyIdLabel = 4;

    public static CoseHeaders Read(CborItem protectedItem, CborItem unprotected, BoundedCborDecoder decoder, int depth, string what)
    {
        if (!protectedItem.IsBytes || !unprotected.IsMap)
        {
            throw new SuitFormatException($"{what}: the headers are not a protected bstr and an unprotected map");
        }

        var protectedMap = protectedItem.Bytes.IsEmpty ? null : decoder.Decode(protectedItem.Bytes, depth + 1, what + " protected header");
        if (protectedMap is { IsMap: false })
        {
            throw new SuitFormatException($"{what}: the protected header is {protectedMap.Describe()}, not a map");
        }

        var algorithm = protectedMap?.Get(AlgorithmLabel) ?? unprotected.Get(AlgorithmLabel);
        var kid = protectedMap?.Get(KeyIdLabel) ?? unprotected.Get(KeyIdLabel);
        return new CoseHeaders(
            protectedItem.Bytes,
            algorithm?.AsInt64(),
            algorithm is { IsText: true } ? SuitText.Clip(algorithm.Text) : null,
            kid is { IsBytes: true } ? KeyIdText(kid.Bytes.Span) : null);
    }

    /// <summary>The algorithm's name for the report, through <paramref name="name"/> for a numeric id.</summary>
    public string AlgorithmName(Func<long, string> name) =>
        Algorithm is { } id ? name(id) : AlgorithmText ?? "no algorithm";

    /// <summary>A kid as its text when it is printable ASCII (kid 'kid-2'), otherwise as hex.</summary>
    private static string KeyIdText(ReadOnlySpan<byte> kid)
    {
        foreach (var b in kid)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return SuitText.Hex(kid);
            }
        }

        return SuitText.Clip(Encoding.ASCII.GetString(kid));
    }
}
