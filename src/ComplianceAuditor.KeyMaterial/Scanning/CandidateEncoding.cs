namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>How a candidate is written, which decides how the parser reads it.</summary>
public enum CandidateEncoding
{
    /// <summary>A textual <c>-----BEGIN label-----</c> block (RFC 7468), possibly inside a C or JSON string literal.</summary>
    Pem,

    /// <summary>A binary ASN.1 DER (or BER, for PKCS#12) structure.</summary>
    Der,

    /// <summary>An OpenSSH private key: binary <c>openssh-key-v1</c> or its <c>OPENSSH PRIVATE KEY</c> armour.</summary>
    OpenSsh,

    /// <summary>An OpenSSH public key line such as <c>ssh-ed25519 AAAA... comment</c>.</summary>
    SshPublicLine,

    /// <summary>A PuTTY <c>.ppk</c> private key file.</summary>
    Putty,
}
