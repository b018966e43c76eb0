namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>What a confirmed item is.</summary>
public enum KeyKind
{
    PrivateKey,

    /// <summary>A private key protected by a password (encrypted PKCS#8, legacy encrypted PEM, OpenSSH, PuTTY); not decrypted.</summary>
    EncryptedPrivateKey,

    PublicKey,

    Certificate,

    CertificateRequest,

    /// <summary>A PKCS#12 / PFX container; what could be opened without a password is in <see cref="KeyMaterialItem.Contents"/>.</summary>
    Pkcs12,
}
