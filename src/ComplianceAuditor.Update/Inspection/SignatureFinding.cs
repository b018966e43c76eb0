using ComplianceAuditor.KeyMaterial.Catalog;

namespace ComplianceAuditor.Update.Inspection;

/// <summary>One signature or MAC on an image and what verifying it found.</summary>
/// <param name="Status">The verdict; see <see cref="SignatureStatus"/>.</param>
/// <param name="Algorithm">As the format names it with its parameters: "RSA-3072-PSS", "ES256", "sha256,rsa2048".</param>
/// <param name="KeyId">
/// How the image identifies the key, in the format's own form (MCUboot KEYHASH, ESP key digest, AVB key SHA-1, COSE
/// kid, FIT key-name-hint), or the SPKI SHA-256 of the key that verified it; null when nothing identifies it.
/// </param>
/// <param name="TestKey">The published test key it was made with, or null.</param>
/// <param name="TrustedKey">The name of the trust anchor (the <c>--public-key</c> file) that verified it, or null.</param>
/// <param name="Reason">One sentence a report can print.</param>
public sealed record SignatureFinding(
    SignatureStatus Status,
    string Algorithm,
    string? KeyId,
    KnownTestKey? TestKey,
    string? TrustedKey,
    string Reason)
{
    /// <summary>Whether the signature is cryptographically valid, whoever signed it.</summary>
    public bool IsValid => Status is SignatureStatus.VerifiedTrusted or SignatureStatus.SignedWithTestKey or SignatureStatus.ValidUnknownKey;
}
