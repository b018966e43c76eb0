using ComplianceAuditor.KeyMaterial.Catalog;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>One public key of a U-Boot control DTB (<c>/signature/key-&lt;name&gt;</c>), as U-Boot would use it.</summary>
/// <param name="Node">The node name, <c>key-dev</c>.</param>
/// <param name="KeyName">The name FIT signatures refer to with <c>key-name-hint</c>: the node name without <c>key-</c>.</param>
/// <param name="Algorithm">The <c>algo</c> property ("sha256,rsa2048"), or null.</param>
/// <param name="Required">
/// The <c>required</c> property: "conf" (every configuration booted must carry a valid signature by this key),
/// "image" (every image loaded must), another value U-Boot ignores, or null (the key verifies only what names it).
/// </param>
/// <param name="Bits">The key size: <c>rsa,num-bits</c>, or the curve's size for ECDSA; null when unknown.</param>
/// <param name="Curve">The <c>ecdsa,curve</c> for ECDSA keys ("prime256v1"), else null.</param>
/// <param name="Spki">The key as a DER SubjectPublicKeyInfo, built from its parts; null when they are unusable.</param>
/// <param name="SpkiSha256">Lower-case hex SHA-256 of <paramref name="Spki"/>, for comparing with trust anchors.</param>
/// <param name="TestKey">The published test key it is, or null.</param>
/// <param name="Problem">Why no <paramref name="Spki"/> could be built, or null.</param>
public sealed record FitVerificationKey(
    string Node,
    string KeyName,
    string? Algorithm,
    string? Required,
    int? Bits,
    string? Curve,
    byte[]? Spki,
    string? SpkiSha256,
    KnownTestKey? TestKey,
    string? Problem)
{
    /// <summary>Whether U-Boot insists on this key: for configurations ("conf") or for images ("image").</summary>
    public bool IsRequired => Required is "conf" or "image";
}
