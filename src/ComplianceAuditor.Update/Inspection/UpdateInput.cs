using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Inspection;

/// <summary>An image to inspect: its bytes (already bounded in size by the caller), its name, and the trust anchors.</summary>
/// <param name="Bytes">The whole file.</param>
/// <param name="FileName">The file's name without folders; some formats are recognised by it (sw-description).</param>
/// <param name="Anchors">The keys and certificates the user trusts (<c>--public-key</c>).</param>
public sealed record UpdateInput(ReadOnlyMemory<byte> Bytes, string FileName, TrustAnchors Anchors);
