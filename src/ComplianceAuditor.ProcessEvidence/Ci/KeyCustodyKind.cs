namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>Where a release signing step's private key is kept, as far as the repository shows.</summary>
public enum KeyCustodyKind
{
    /// <summary>A PKCS#11 URI, a cloud KMS or Vault reference, an HSM or a hardware security key.</summary>
    HardwareOrKms,

    /// <summary>The command names no key file: a key ring, an environment variable, a default key or keyless signing.</summary>
    NoKeyFile,

    /// <summary>
    /// A key file outside the working tree: an absolute or temporary path, one built from a variable, or a path no file of
    /// the tree has (typically written from a CI secret at build time).
    /// </summary>
    OutsideTree,

    /// <summary>A file of the tree at the named path, but it holds no private key (a public key, a certificate or a placeholder).</summary>
    CommittedWithoutKey,

    /// <summary>A file of the tree at the named path that could not be read, so whether it is a key is unknown.</summary>
    CommittedUnreadable,

    /// <summary>A private key committed in the working tree: anyone with read access to the repository can sign releases.</summary>
    Committed,
}
