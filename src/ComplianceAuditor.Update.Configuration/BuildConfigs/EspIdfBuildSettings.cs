using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>What an ESP-IDF <c>sdkconfig</c> (or fragment) says about app signing, anti-rollback, OTA transport and slots.</summary>
/// <param name="Source">The name the caller gave the file, used in locations.</param>
/// <param name="SecureBootVersion">1 or 2 when hardware secure boot is on and its version is named, else null.</param>
/// <param name="SignedAppsWithoutSecureBoot">CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT: apps signed and checked in software only.</param>
/// <param name="SigningScheme">"RSA", "ECDSA" or "ECDSA (v2)" when named, else null.</param>
/// <param name="AntiRollback">CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK.</param>
/// <param name="SecureVersion">CONFIG_BOOTLOADER_APP_SECURE_VERSION, when set.</param>
/// <param name="SecureVersionEmulated">CONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE: the counter lives in flash, a test-only option.</param>
/// <param name="AppRollback">CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE: fall back to the previous app when a new one fails to start.</param>
/// <param name="FlashEncryptionMode">"development" or "release" when flash encryption is on, else null.</param>
/// <param name="PartitionTable">"single-app", "single-app-large", "two-ota", "two-ota-large", "custom (file)", or null when not chosen here.</param>
/// <param name="Verdicts">The common verdicts.</param>
/// <param name="Facts">The security-relevant symbols as set.</param>
public sealed record EspIdfBuildSettings(
    string Source,
    int? SecureBootVersion,
    bool SignedAppsWithoutSecureBoot,
    string? SigningScheme,
    bool AntiRollback,
    int? SecureVersion,
    bool SecureVersionEmulated,
    bool AppRollback,
    string? FlashEncryptionMode,
    string? PartitionTable,
    BuildConfigVerdicts Verdicts,
    IReadOnlyList<InspectionFact> Facts);
