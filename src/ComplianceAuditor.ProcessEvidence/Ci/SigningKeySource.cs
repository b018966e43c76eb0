namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>Where a signing step's key appears to come from, judged from the command line alone.</summary>
public enum SigningKeySource
{
    /// <summary>Not a signing step, or the line does not say (key ring, environment variable, secret).</summary>
    Unknown,

    /// <summary>A PKCS#11 URI, a cloud KMS or Vault reference, an HSM or a hardware security key.</summary>
    HardwareOrKms,

    /// <summary>A key file path such as a .pem, .key or .p12 file (the catalog warns on file-based keys).</summary>
    File,
}
