using System.Globalization;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.KeyMaterial.Weakness;

/// <summary>
/// Weak keys and signatures by current guidance (NIST SP 800-57 / SP 800-131A, ETSI TS 103 645's "best practice
/// cryptography"): RSA under 2048 bits, any DSA (FIPS 186-5 no longer approves it for signing) and DSA under 2048
/// bits in particular, EC under 224 bits, certificates signed with MD2, MD5 or SHA-1.
/// </summary>
public static class KeyStrength
{
    public const int MinRsaBits = 2048;
    public const int MinDsaBits = 2048;
    public const int MinEcBits = 224;

    private static readonly HashSet<string> WeakSignatureOids = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.2", // md2WithRSAEncryption
        "1.2.840.113549.1.1.4", // md5WithRSAEncryption
        "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
        "1.3.14.3.2.29", // sha1WithRSASignature (OIW)
        "1.2.840.10040.4.3", // dsa-with-sha1
        "1.2.840.10045.4.1", // ecdsa-with-SHA1
    };

    /// <summary>Null when nothing is weak, otherwise every reason, separated by "; ".</summary>
    public static string? Assess(KeyMaterialItem item)
    {
        var reasons = AssessAll(item);
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>Every weakness of the item and of what a container holds.</summary>
    public static IReadOnlyList<string> AssessAll(KeyMaterialItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reasons = new List<string>();
        if (KeyReason(item) is { } keyReason)
        {
            reasons.Add(keyReason);
        }

        // A root's signature on itself is never relied on (trust comes from the root being in the store), so an old
        // SHA-1 self-signature is not a weakness; the same hash on a certificate a CA issued is.
        if (item.Certificate is { IsSelfSigned: false } certificate && WeakSignatureOids.Contains(certificate.SignatureAlgorithmOid))
        {
            reasons.Add("certificate signed with " + certificate.SignatureAlgorithm + " (MD5/SHA-1 signatures can be forged)");
        }

        foreach (var inner in item.Contents)
        {
            reasons.AddRange(AssessAll(inner).Select(reason => "in the container: " + reason));
        }

        return reasons;
    }

    private static string? KeyReason(KeyMaterialItem item) => (item.Algorithm, item.Bits) switch
    {
        (KeyAlgorithm.Rsa, < MinRsaBits and var bits) => Format($"RSA key of {bits} bits (below {MinRsaBits})"),
        (KeyAlgorithm.Dsa, < MinDsaBits and var bits) =>
            Format($"DSA key of {bits} bits (below {MinDsaBits}, and DSA is no longer approved for signing)"),
        (KeyAlgorithm.Dsa, _) => "DSA key (no longer approved for signing by FIPS 186-5)",
        (KeyAlgorithm.Ec, < MinEcBits and var bits) => Format($"EC key on {item.Curve ?? "an unnamed curve"} of {bits} bits (below {MinEcBits})"),
        _ => null,
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
