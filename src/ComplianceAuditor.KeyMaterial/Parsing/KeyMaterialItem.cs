using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>One confirmed key, certificate, certificate request or PKCS#12 container.</summary>
public sealed record KeyMaterialItem
{
    public required KeyKind Kind { get; init; }

    public KeyAlgorithm Algorithm { get; init; }

    /// <summary>RSA modulus bits, DSA p bits, EC field size; 255/448-class sizes for the Edwards and Montgomery curves.</summary>
    public int? Bits { get; init; }

    /// <summary>The EC curve's SEC name (<c>secp256r1</c>) or, for curves without one, another standard name or the OID.</summary>
    public string? Curve { get; init; }

    /// <summary>The container format: <c>PKCS#1</c>, <c>PKCS#8</c>, <c>SEC1</c>, <c>SubjectPublicKeyInfo</c>, <c>X.509</c>...</summary>
    public string? Format { get; init; }

    public CandidateEncoding Encoding { get; init; }

    /// <summary>Offset of the candidate in the scanned file (base offset included).</summary>
    public long Offset { get; init; }

    public int Length { get; init; }

    public string? PemLabel { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo of the public key (derived from a private key, taken from
    /// a certificate or request); the same key gives the same value whatever file format it came in. Null when the
    /// public key cannot be known, as for an encrypted PKCS#8 key.
    /// </summary>
    public string? SpkiSha256 { get; init; }

    public CertificateInfo? Certificate { get; init; }

    /// <summary>For a PKCS#12 container: the keys and certificates it holds that could be read without a password.</summary>
    public IReadOnlyList<KeyMaterialItem> Contents { get; init; } = [];

    /// <summary>Anything else worth saying: the cipher of an encrypted key, why a container was not opened.</summary>
    public string? Note { get; init; }

    /// <summary>A private key, encrypted or not, is this item or is inside it.</summary>
    public bool ContainsPrivateKey =>
        Kind is KeyKind.PrivateKey or KeyKind.EncryptedPrivateKey || Contents.Any(item => item.ContainsPrivateKey);
}
