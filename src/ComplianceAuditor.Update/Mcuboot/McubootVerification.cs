using ComplianceAuditor.KeyMaterial.Catalog;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>What verifying an MCUboot image found: each item with the facts behind it, for evidence.</summary>
/// <param name="HashMatches">The image digest TLV against the digest computed here; null when the image has none.</param>
/// <param name="KeyHash">The KEYHASH TLV in hex, or null.</param>
/// <param name="TestKey">The published test key the KEYHASH or the verifying key is, or null.</param>
public sealed record McubootVerification(
    bool? HashMatches,
    SignatureStatus Signature,
    string? SignatureType,
    string? KeyHash,
    KnownTestKey? TestKey,
    uint? SecurityCounter,
    string Reason);
