using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>
/// The verdicts every firmware build configuration yields, in the shape of a root-file-system finding, so one rule
/// reads an <c>sdkconfig</c>, an MCUboot <c>.config</c>, a U-Boot <c>.config</c> and an OpenWrt <c>.config</c> alike.
/// Symbols the file does not mention are taken at their usual default only where the reason says so.
/// </summary>
/// <param name="SignatureEnforcement">Whether the built firmware refuses unsigned updates (or images at boot).</param>
/// <param name="DowngradeProtection">Whether it refuses older versions.</param>
/// <param name="InsecureTransport">Options that allow plain HTTP, TFTP, or TLS without verification, with file and line.</param>
/// <param name="Redundancy">Whether a second slot or a fallback exists.</param>
/// <param name="Weaknesses">Named weaknesses; each parser documents its codes.</param>
public sealed record BuildConfigVerdicts(
    EnforcementVerdict SignatureEnforcement,
    EnforcementVerdict DowngradeProtection,
    IReadOnlyList<TransportIssue> InsecureTransport,
    PresenceVerdict Redundancy,
    IReadOnlyList<UpdateWeakness> Weaknesses);
