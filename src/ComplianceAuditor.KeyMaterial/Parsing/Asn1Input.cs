using ComplianceAuditor.KeyMaterial.Der;
using Org.BouncyCastle.Asn1;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>The only way bytes reach BouncyCastle's ASN.1 parser: after the walker has bounded depth and sizes.</summary>
internal static class Asn1Input
{
    /// <summary>Parses the one element at the start of <paramref name="der"/>, or returns null if it is not well-formed.</summary>
    public static Asn1Object? Parse(ReadOnlySpan<byte> der)
    {
        if (!DerWalker.TryMeasure(der, out var length))
        {
            return null;
        }

        return Asn1Object.FromByteArray(der[..length].ToArray());
    }

    /// <summary>Like <see cref="Parse"/>, for a SEQUENCE.</summary>
    public static Asn1Sequence? ParseSequence(ReadOnlySpan<byte> der) => Parse(der) as Asn1Sequence;
}
