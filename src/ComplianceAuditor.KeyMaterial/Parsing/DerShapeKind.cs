namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>Which structure a DER SEQUENCE is, told from the tags and versions at its start.</summary>
internal enum DerShapeKind
{
    Unknown,
    Pkcs8PrivateKey,
    Pkcs1RsaPrivateKey,
    OpenSslDsaPrivateKey,
    Sec1EcPrivateKey,
    Pkcs12,
    Certificate,
    CertificateRequest,
    SubjectPublicKeyInfo,
    EncryptedPrivateKeyInfo,
    Pkcs1RsaPublicKey,
}
