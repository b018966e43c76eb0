namespace ComplianceAuditor.Update;

/// <summary>What the signature of an update image turned out to be.</summary>
public enum SignatureStatus
{
    /// <summary>No signature at all (a hash alone protects against accidents, not attackers).</summary>
    NotSigned,

    /// <summary>The signature verifies with one of the trust anchors given.</summary>
    VerifiedTrusted,

    /// <summary>
    /// Signed with a key published as a test or sample key (verified with it, or named by its key hash): anyone can
    /// sign images the device accepts.
    /// </summary>
    SignedWithTestKey,

    /// <summary>Signed, but none of the keys at hand is the signer's, so the signature could not be checked.</summary>
    UnknownKey,

    /// <summary>
    /// The signature is valid for the key the image itself carries (ESP Secure Boot v2, CMS with its certificate),
    /// but that key is neither a trust anchor nor a published test key: whether the device trusts it is unknown.
    /// </summary>
    ValidUnknownKey,

    /// <summary>The signer's key is at hand and the signature does not verify with it, or the image hash is wrong.</summary>
    Invalid,

    /// <summary>A signature type this version does not verify; the reason says which.</summary>
    NotVerifiable,
}
