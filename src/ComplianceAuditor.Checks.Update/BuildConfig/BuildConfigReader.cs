using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Configuration.BuildConfigs;

namespace ComplianceAuditor.Checks.Update.BuildConfig;

/// <summary>
/// Reads a Kconfig-style build configuration (<c>sdkconfig</c>, <c>.config</c>, <c>defconfig</c>, <c>prj.conf</c>)
/// with the parser of each project it belongs to. Every parser accepts any Kconfig file, so the project is told by
/// the symbols only it defines; a Zephyr application with MCUboot and a U-Boot tree are read by both parsers when
/// both sets of symbols are there.
/// </summary>
internal static class BuildConfigReader
{
    /// <summary>Build configurations are small; a larger file is not read whole.</summary>
    private const int MaxBytes = 4 << 20;

    public static IReadOnlyList<(string Project, BuildConfigVerdicts Verdicts)> Read(Artifact artifact)
    {
        if (artifact.Content is not { } content || artifact.Size > MaxBytes)
        {
            return [];
        }

        string text;
        using (var reader = new StreamReader(content.OpenRead(), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        var name = Path.GetFileName(artifact.RelativePath);
        var found = new List<(string, BuildConfigVerdicts)>();
        if ((name.StartsWith("sdkconfig", StringComparison.Ordinal) || Has(text, "CONFIG_IDF_")) && EspIdfSdkconfig.Read(text, name) is { } esp)
        {
            found.Add(("ESP-IDF", esp.Verdicts));
        }

        if ((Has(text, "CONFIG_BOOT_SIGNATURE_") || Has(text, "CONFIG_MCUBOOT") || Has(text, "CONFIG_BOOTLOADER_MCUBOOT") || Has(text, "SB_CONFIG_BOOT"))
            && McubootKconfig.Read(text, name) is { } mcuboot)
        {
            found.Add(("MCUboot", mcuboot.Verdicts));
        }

        if ((Has(text, "CONFIG_SYS_CONFIG_NAME") || Has(text, "CONFIG_BOOTCOMMAND") || Has(text, "CONFIG_FIT_SIGNATURE") || Has(text, "CONFIG_SYS_ARCH"))
            && UBootConfig.Read(text, name) is { } uboot)
        {
            found.Add(("U-Boot", uboot.Verdicts));
        }

        if ((Has(text, "CONFIG_TARGET_BOARD") || Has(text, "CONFIG_PACKAGE_")) && OpenWrtBuildConfig.Read(text, name) is { } openwrt)
        {
            found.Add(("OpenWrt", openwrt.Verdicts));
        }

        return found;
    }

    /// <summary>Whether a line sets or unsets a symbol starting with <paramref name="prefix"/>.</summary>
    private static bool Has(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal)
        || text.Contains("\n" + prefix, StringComparison.Ordinal)
        || text.Contains("# " + prefix, StringComparison.Ordinal);
}
