using System.Globalization;
using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>
/// Reads a U-Boot <c>.config</c>. FIT signature checking protects nothing while the legacy image format stays
/// enabled, because a legacy uImage carries only a CRC and boots without any signature; vendor symbols such as
/// <c>FIT_REQUIRE_*</c> are reported as facts, not judged, since mainline U-Boot does not define them.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>uboot-no-fit-signature</c>: CONFIG_FIT_SIGNATURE is off: nothing U-Boot boots is signature-checked.</item>
/// <item><c>uboot-legacy-image-with-fit-signature</c>: FIT signatures are on but legacy uImages still boot, bypassing them.</item>
/// <item><c>uboot-autoboot-interruptible</c>: a key press stops autoboot (BOOTDELAY not -2, no AUTOBOOT_KEYED), opening the console.</item>
/// <item><c>uboot-network-boot</c>: the boot command loads from the network (tftp/dhcp/nfs), unauthenticated.</item>
/// </list>
/// </remarks>
public static class UBootConfig
{
    private static readonly string[] NetworkCommands = ["tftp", "tftpboot", "dhcp", "bootp", "nfs", "pxe"];

    /// <summary>The settings, or null when the text holds no Kconfig assignment at all.</summary>
    public static UBootBuildSettings? Read(string text, string source = ".config")
    {
        if (KconfigFile.Read(text, source) is not { } config)
        {
            return null;
        }

        var weaknesses = new List<UpdateWeakness>();
        var fit = config.Get("FIT_SIGNATURE");
        var legacy = config.Get("LEGACY_IMAGE_FORMAT");
        EnforcementVerdict signature;
        if (fit is { Enabled: true } && legacy is { Enabled: true })
        {
            signature = EnforcementVerdict.NotEnforced($"{config.Describe(fit)}, but {config.Describe(legacy)}: an unsigned legacy uImage (CRC only) boots instead of a signed FIT");
            weaknesses.Add(new UpdateWeakness("uboot-legacy-image-with-fit-signature", signature.Reason));
        }
        else if (fit is { Enabled: true })
        {
            signature = EnforcementVerdict.Enforced($"{config.Describe(fit)} without the legacy image format: FIT images must carry a valid signature for every key the control device tree marks required");
        }
        else
        {
            signature = EnforcementVerdict.NotEnforced(fit is null
                ? "CONFIG_FIT_SIGNATURE is not set in this file (off by default): images are booted without a signature check"
                : $"{config.Describe(fit)}: images are booted without a signature check");
            weaknesses.Add(new UpdateWeakness("uboot-no-fit-signature", signature.Reason));
        }

        var downgrade = config.Get("FIT_ROLLBACK_CHECK") is { Enabled: true } rollback
            ? EnforcementVerdict.Enforced($"{config.Describe(rollback)}: a FIT with a lower rollback index is refused")
            : EnforcementVerdict.NotEnforced("no rollback index check is configured: any validly signed older image boots");
        var bootcount = config.Get("BOOTCOUNT_LIMIT") is { Enabled: true } limit ? limit : null;
        var redundancy = bootcount is not null
            ? PresenceVerdict.Present($"{config.Describe(bootcount)}: after too many failed boots U-Boot runs altbootcmd (the fallback slot)")
            : PresenceVerdict.Unknown("no CONFIG_BOOTCOUNT_LIMIT; an A/B fallback, if any, is scripted in the environment");

        var delay = int.TryParse(config.Get("BOOTDELAY")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
        var keyed = config.IsEnabled("AUTOBOOT_KEYED");
        if (delay is { } value && value != -2 && !keyed)
        {
            weaknesses.Add(new UpdateWeakness("uboot-autoboot-interruptible",
                string.Create(CultureInfo.InvariantCulture, $"CONFIG_BOOTDELAY={value} without CONFIG_AUTOBOOT_KEYED: any key press stops autoboot and opens the U-Boot console")));
        }

        var transport = new List<TransportIssue>();
        var command = config.Get("BOOTCOMMAND");
        if (command is not null && ShellWords.Split(command.Value).FirstOrDefault(w => NetworkCommands.Contains(w, StringComparer.Ordinal)) is { } network)
        {
            transport.Add(new TransportIssue(TransportIssueKind.Tftp, config.Where(command), $"CONFIG_BOOTCOMMAND=\"{command.Value}\"", signature.State));
            weaknesses.Add(new UpdateWeakness("uboot-network-boot", $"the boot command loads over the network with '{network}' ({config.Where(command)}), which is unauthenticated"));
        }

        var facts = config.Symbols.Where(v => v.BareName.StartsWith("FIT", StringComparison.Ordinal) || v.BareName.StartsWith("SPL_FIT", StringComparison.Ordinal)
            || v.BareName.StartsWith("BOOTCOUNT", StringComparison.Ordinal) || v.BareName.StartsWith("AUTOBOOT", StringComparison.Ordinal)
            || v.BareName is "BOOTDELAY" or "LEGACY_IMAGE_FORMAT" or "BOOTCOMMAND").Select(v => new InspectionFact("CONFIG_" + v.BareName, v.Value)).ToList();
        return new UBootBuildSettings(source, fit?.Enabled == true, legacy?.Enabled == true, bootcount is not null, keyed, delay, command?.Value,
            new BuildConfigVerdicts(signature, downgrade, transport, redundancy, weaknesses), facts);
    }
}
