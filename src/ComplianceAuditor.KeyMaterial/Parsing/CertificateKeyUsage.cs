namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>The X.509 KeyUsage extension bits (RFC 5280, 4.2.1.3).</summary>
[Flags]
public enum CertificateKeyUsage
{
    None = 0,
    DigitalSignature = 1 << 0,
    NonRepudiation = 1 << 1,
    KeyEncipherment = 1 << 2,
    DataEncipherment = 1 << 3,
    KeyAgreement = 1 << 4,
    KeyCertSign = 1 << 5,
    CrlSign = 1 << 6,
    EncipherOnly = 1 << 7,
    DecipherOnly = 1 << 8,
}
