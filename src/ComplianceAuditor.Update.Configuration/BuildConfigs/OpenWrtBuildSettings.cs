namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>What an OpenWrt (or other Kconfig-based distribution) build <c>.config</c> says about updates.</summary>
/// <param name="Source">The name the caller gave the file, used in locations.</param>
/// <param name="Target">CONFIG_TARGET_BOARD, or null.</param>
/// <param name="SignedPackages">CONFIG_SIGNED_PACKAGES=y: the build appends <c>option check_signature</c> to /etc/opkg.conf.</param>
/// <param name="Usign">CONFIG_PACKAGE_usign=y: the tool that checks feed signatures is in the image.</param>
/// <param name="Fwtool">CONFIG_PACKAGE_fwtool=y: sysupgrade images carry fwtool metadata (device list), not a signature check.</param>
/// <param name="ImageSignatures">Whether sysupgrade refuses unsigned firmware images.</param>
/// <param name="Verdicts">The common verdicts; <see cref="BuildConfigVerdicts.SignatureEnforcement"/> is about package feeds.</param>
public sealed record OpenWrtBuildSettings(
    string Source,
    string? Target,
    bool SignedPackages,
    bool Usign,
    bool Fwtool,
    EnforcementVerdict ImageSignatures,
    BuildConfigVerdicts Verdicts);
