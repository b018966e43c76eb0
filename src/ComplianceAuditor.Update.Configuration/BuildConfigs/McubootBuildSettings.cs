using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>What an MCUboot (bootloader) or Zephyr application / sysbuild <c>.config</c> says about image signing and rollback.</summary>
/// <param name="Source">The name the caller gave the file, used in locations.</param>
/// <param name="IsBootloaderConfig">True when it configures MCUboot itself (BOOT_SIGNATURE_TYPE_* present), false for an application built for it.</param>
/// <param name="SignatureType">"none", "rsa", "ecdsa-p256", "ecdsa-p384", "ed25519" or "pure" when chosen, else null.</param>
/// <param name="SigningKeyFile">BOOT_SIGNATURE_KEY_FILE or (application side) MCUBOOT_SIGNATURE_KEY_FILE, as written.</param>
/// <param name="DowngradePrevention">"hardware", "software", "highest-version" or null when none is configured.</param>
/// <param name="UpgradeMode">"overwrite-only", "swap-move", "swap-scratch", "swap-offset", "direct-xip", "ram-load", or null.</param>
/// <param name="Verdicts">The common verdicts.</param>
/// <param name="Facts">The MCUboot-related symbols as set.</param>
public sealed record McubootBuildSettings(
    string Source,
    bool IsBootloaderConfig,
    string? SignatureType,
    string? SigningKeyFile,
    string? DowngradePrevention,
    string? UpgradeMode,
    BuildConfigVerdicts Verdicts,
    IReadOnlyList<InspectionFact> Facts);
