using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>
/// Reads an OpenWrt (or Yocto/Buildroot-style Kconfig) build <c>.config</c> for the update-related choices. In an
/// OpenWrt tree the opkg.conf under <c>package/system/opkg/files</c> is only a template: the build appends
/// <c>option check_signature</c> to it when <c>CONFIG_SIGNED_PACKAGES=y</c>, so feed signing is judged here.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>openwrt-unsigned-packages</c>: CONFIG_SIGNED_PACKAGES is off; opkg installs from feeds without checking signatures.</item>
/// <item><c>openwrt-signing-tool-missing</c>: signed packages are on but usign is not built in.</item>
/// <item><c>openwrt-sysupgrade-image-unsigned</c>: sysupgrade checks fwtool metadata (device list, CRC), not a signature.</item>
/// </list>
/// </remarks>
public static class OpenWrtBuildConfig
{
    /// <summary>The settings, or null when the text holds no Kconfig assignment at all.</summary>
    public static OpenWrtBuildSettings? Read(string text, string source = ".config")
    {
        if (KconfigFile.Read(text, source) is not { } config)
        {
            return null;
        }

        var signed = config.Get("SIGNED_PACKAGES");
        var usign = config.IsEnabled("PACKAGE_usign");
        var fwtool = config.IsEnabled("PACKAGE_fwtool");
        var ucert = config.IsEnabled("PACKAGE_ucert");
        var weaknesses = new List<UpdateWeakness>();
        EnforcementVerdict packages;
        if (signed is { Enabled: true })
        {
            packages = EnforcementVerdict.Enforced($"CONFIG_SIGNED_PACKAGES=y ({config.Where(signed)}): the build adds 'option check_signature' to /etc/opkg.conf and opkg checks the usign signature of each feed index");
            if (!usign)
            {
                weaknesses.Add(new UpdateWeakness("openwrt-signing-tool-missing", "CONFIG_SIGNED_PACKAGES=y but CONFIG_PACKAGE_usign is not set: opkg has nothing to verify signatures with"));
            }
        }
        else
        {
            packages = signed is null
                ? EnforcementVerdict.Unknown("CONFIG_SIGNED_PACKAGES is not mentioned (a fragment?)")
                : EnforcementVerdict.NotEnforced($"CONFIG_SIGNED_PACKAGES is not set ({config.Where(signed)}): opkg installs feed packages without a signature check");
            if (signed is not null)
            {
                weaknesses.Add(new UpdateWeakness("openwrt-unsigned-packages", packages.Reason));
            }
        }

        var images = ucert
            ? EnforcementVerdict.Unknown("ucert is built in: sysupgrade checks an image signature when present; whether one is required is set per platform (REQUIRE_IMAGE_SIGNATURE)")
            : EnforcementVerdict.NotEnforced(fwtool
                ? "fwtool checks only the image metadata (supported devices) and CRC; usign keys verify package feeds, not sysupgrade images"
                : "no image signature tool (ucert) is built in: sysupgrade accepts any image for the board");
        if (images.State == Enforcement.NotEnforced)
        {
            weaknesses.Add(new UpdateWeakness("openwrt-sysupgrade-image-unsigned", images.Reason));
        }

        var verdicts = new BuildConfigVerdicts(
            packages,
            EnforcementVerdict.NotEnforced("neither opkg nor sysupgrade compares versions against a counter: an older signed package index or image is accepted"),
            [],
            PresenceVerdict.Unknown("the slot layout is set by the target's image recipe, not by .config"),
            weaknesses);
        return new OpenWrtBuildSettings(source, config.Get("TARGET_BOARD")?.Value, signed?.Enabled == true, usign, fwtool, images, verdicts);
    }
}
