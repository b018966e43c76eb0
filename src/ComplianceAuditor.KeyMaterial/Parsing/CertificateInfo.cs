namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>What an audit needs to know about an X.509 certificate.</summary>
public sealed record CertificateInfo
{
    /// <summary>The OID of the codeSigning extended key usage (RFC 5280).</summary>
    public const string CodeSigningOid = "1.3.6.1.5.5.7.3.3";

    /// <summary>The subject distinguished name, attributes in encoded order (<c>C=DE,O=...,CN=...</c>).</summary>
    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>The serial number in lower-case hexadecimal, without leading zeros.</summary>
    public required string SerialHex { get; init; }

    /// <summary>BouncyCastle's name of the signature algorithm, such as <c>SHA-256WITHRSA</c>.</summary>
    public required string SignatureAlgorithm { get; init; }

    public required string SignatureAlgorithmOid { get; init; }

    /// <summary>Issuer equals subject and the signature verifies with the certificate's own key.</summary>
    public required bool IsSelfSigned { get; init; }

    /// <summary>BasicConstraints says cA = TRUE.</summary>
    public required bool IsCa { get; init; }

    /// <summary>The KeyUsage bits; <see cref="CertificateKeyUsage.None"/> also when the extension is absent.</summary>
    public CertificateKeyUsage KeyUsage { get; init; }

    /// <summary>The ExtendedKeyUsage OIDs in dotted form; empty when the extension is absent.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    public bool IsCodeSigning => ExtendedKeyUsages.Contains(CodeSigningOid, StringComparer.Ordinal);

    public bool IsExpiredAt(DateTimeOffset moment) => moment > NotAfter;
}
