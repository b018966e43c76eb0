namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>The public key algorithm of a key or of the key a certificate or request carries.</summary>
public enum KeyAlgorithm
{
    Unknown,
    Rsa,
    Dsa,
    Ec,
    Ed25519,
    Ed448,
    X25519,
    X448,
}
