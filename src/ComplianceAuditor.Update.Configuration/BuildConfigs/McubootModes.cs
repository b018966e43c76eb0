using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>The upgrade-mode and downgrade part of <see cref="McubootKconfig"/>; mode symbols of the bootloader, application and sysbuild alike.</summary>
internal static class McubootModes
{
    private static readonly (string Mode, string[] Symbols)[] Modes =
    [
        ("overwrite-only", ["BOOT_UPGRADE_ONLY", "MCUBOOT_BOOTLOADER_MODE_OVERWRITE_ONLY", "MCUBOOT_MODE_OVERWRITE_ONLY"]),
        ("swap-move", ["BOOT_SWAP_USING_MOVE", "MCUBOOT_BOOTLOADER_MODE_SWAP_USING_MOVE", "MCUBOOT_MODE_SWAP_USING_MOVE"]),
        ("swap-offset", ["BOOT_SWAP_USING_OFFSET", "MCUBOOT_BOOTLOADER_MODE_SWAP_USING_OFFSET", "MCUBOOT_MODE_SWAP_USING_OFFSET"]),
        ("swap-scratch", ["BOOT_SWAP_USING_SCRATCH", "MCUBOOT_BOOTLOADER_MODE_SWAP_SCRATCH", "MCUBOOT_MODE_SWAP_SCRATCH"]),
        ("direct-xip", ["BOOT_DIRECT_XIP", "MCUBOOT_BOOTLOADER_MODE_DIRECT_XIP", "MCUBOOT_MODE_DIRECT_XIP"]),
        ("ram-load", ["BOOT_RAM_LOAD", "MCUBOOT_BOOTLOADER_MODE_RAM_LOAD", "MCUBOOT_MODE_RAM_LOAD"]),
    ];

    public static string? UpgradeMode(KconfigFile config) =>
        Modes.FirstOrDefault(m => m.Symbols.Any(config.IsEnabled)).Mode;

    public static (EnforcementVerdict Verdict, string? Prevention) Downgrade(KconfigFile config, string? mode, bool bootloader)
    {
        if (config.Get("MCUBOOT_HW_DOWNGRADE_PREVENTION") is { Enabled: true } hardware)
        {
            return (EnforcementVerdict.Enforced($"{config.Describe(hardware)}: the image security counter is compared with a hardware counter"), "hardware");
        }

        if (config.Get("MCUBOOT_DOWNGRADE_PREVENTION") is { Enabled: true } software)
        {
            var by = config.IsEnabled("MCUBOOT_DOWNGRADE_PREVENTION_SECURITY_COUNTER") ? "security counter" : "version number";
            return (EnforcementVerdict.Enforced($"{config.Describe(software)}: an image with a lower {by} is refused (software check, no hardware counter)"), "software");
        }

        if (mode is "direct-xip" or "ram-load" || config.IsEnabled("MCUBOOT_BOOTLOADER_NO_DOWNGRADE"))
        {
            return (EnforcementVerdict.Enforced($"{mode ?? "the configured"} mode boots the highest-versioned valid image"), "highest-version");
        }

        return bootloader
            ? (EnforcementVerdict.NotEnforced("neither MCUBOOT_DOWNGRADE_PREVENTION nor MCUBOOT_HW_DOWNGRADE_PREVENTION is set: an older signed image is installed"), null)
            : (EnforcementVerdict.Unknown("downgrade prevention is set in MCUboot's own configuration, not the application's"), null);
    }

    public static PresenceVerdict Redundancy(KconfigFile config, string? mode, List<UpdateWeakness> weaknesses)
    {
        var serial = config.Symbols.FirstOrDefault(v => v.Enabled && (v.BareName == "MCUBOOT_SERIAL" || v.BareName.StartsWith("BOOT_SERIAL_", StringComparison.Ordinal)
            || v.BareName.StartsWith("BOOT_USB_DFU_", StringComparison.Ordinal)));
        var recovery = serial is null ? string.Empty : $"; serial/USB recovery is built in ({config.Describe(serial)})";
        switch (mode)
        {
            case "overwrite-only":
                var reason = $"overwrite-only upgrades copy the new image over the old one: a faulty update cannot be reverted{recovery}";
                weaknesses.Add(new UpdateWeakness("mcuboot-overwrite-only-no-revert", reason));
                return serial is null ? PresenceVerdict.Absent(reason) : PresenceVerdict.Present(reason);
            case "swap-move" or "swap-offset" or "swap-scratch":
                return PresenceVerdict.Present($"{mode}: the old image is kept in the secondary slot and restored unless the new one confirms itself{recovery}");
            case "direct-xip" or "ram-load":
                return PresenceVerdict.Present($"{mode}: two bootable slots, the other image stays in place{recovery}");
            default:
                return serial is null
                    ? PresenceVerdict.Unknown("no upgrade mode is chosen in this file")
                    : PresenceVerdict.Present($"no upgrade mode is chosen in this file{recovery}");
        }
    }
}
