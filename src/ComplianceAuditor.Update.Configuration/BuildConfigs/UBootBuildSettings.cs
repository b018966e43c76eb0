using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>What a U-Boot <c>.config</c> says about verified boot, fallback and the boot console.</summary>
/// <param name="Source">The name the caller gave the file, used in locations.</param>
/// <param name="FitSignature">CONFIG_FIT_SIGNATURE: FIT images are checked against keys in the control device tree.</param>
/// <param name="LegacyImageFormat">CONFIG_LEGACY_IMAGE_FORMAT: legacy uImages (CRC only) can be booted.</param>
/// <param name="BootcountLimit">CONFIG_BOOTCOUNT_LIMIT: after too many failed boots <c>altbootcmd</c> runs.</param>
/// <param name="AutobootKeyed">CONFIG_AUTOBOOT_KEYED: stopping autoboot needs a key string.</param>
/// <param name="BootDelay">CONFIG_BOOTDELAY when set (-2 means autoboot cannot be interrupted).</param>
/// <param name="BootCommand">CONFIG_BOOTCOMMAND when set.</param>
/// <param name="Verdicts">The common verdicts.</param>
/// <param name="Facts">The FIT, boot-count and autoboot symbols as set, including vendor ones such as FIT_REQUIRE_*.</param>
public sealed record UBootBuildSettings(
    string Source,
    bool FitSignature,
    bool LegacyImageFormat,
    bool BootcountLimit,
    bool AutobootKeyed,
    int? BootDelay,
    string? BootCommand,
    BuildConfigVerdicts Verdicts,
    IReadOnlyList<InspectionFact> Facts);
