using System.Globalization;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>
/// Reads an ESP-IDF <c>sdkconfig</c> (or an <c>sdkconfig.ci.*</c> / <c>sdkconfig.defaults</c> fragment) for the
/// update-security choices. A symbol a fragment does not mention is taken at its Kconfig default (off) for
/// signing and anti-rollback, and as unknown for the partition table.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>esp-no-app-signature</c>: neither secure boot nor signed apps: OTA accepts any image with a matching SHA-256.</item>
/// <item><c>esp-signed-on-update-without-secure-boot</c>: apps are signature-checked in software only, not by the ROM at boot.</item>
/// <item><c>esp-secure-boot-insecure-options</c>: CONFIG_SECURE_BOOT_INSECURE or an ALLOW_JTAG/ROM_BASIC/DL_MODE relaxation is on.</item>
/// <item><c>esp-flash-encryption-development</c>: flash encryption in development mode (can be turned off again).</item>
/// <item><c>esp-app-validation-skipped</c>: the bootloader skips app validation on some boots (SKIP_VALIDATE_*).</item>
/// <item><c>esp-anti-rollback-emulated</c>: the secure-version counter is emulated in flash, a test-only option.</item>
/// <item><c>esp-example-version-check-skipped</c>: the OTA example's own version comparison is switched off.</item>
/// <item><c>esp-ota-allow-http</c>: esp_https_ota accepts plain HTTP (CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP / CONFIG_OTA_ALLOW_HTTP).</item>
/// <item><c>esp-tls-insecure</c>: CONFIG_ESP_TLS_INSECURE unlocks insecure TLS options.</item>
/// <item><c>esp-tls-skip-server-cert-verify</c>: the server certificate is not verified.</item>
/// <item><c>esp-skip-common-name-check</c>: the certificate's host name is not compared with the server's.</item>
/// </list>
/// </remarks>
public static class EspIdfSdkconfig
{
    private static readonly string[] InsecureOptions =
        ["SECURE_BOOT_INSECURE", "SECURE_BOOT_ALLOW_JTAG", "SECURE_BOOT_ALLOW_ROM_BASIC", "SECURE_INSECURE_ALLOW_DL_MODE", "FLASH_ENCRYPTION_INSECURE"];

    /// <summary>The settings, or null when the text holds no Kconfig assignment at all.</summary>
    public static EspIdfBuildSettings? Read(string text, string source = "sdkconfig")
    {
        if (KconfigFile.Read(text, source) is not { } config)
        {
            return null;
        }

        var weaknesses = new List<UpdateWeakness>();
        var secureBoot = config.IsEnabled("SECURE_BOOT_V2_ENABLED") ? 2 : config.IsEnabled("SECURE_BOOT_V1_ENABLED") ? 1 : (int?)null;
        var secureBootOn = secureBoot is not null || config.IsEnabled("SECURE_BOOT");
        var signedApps = config.IsEnabled("SECURE_SIGNED_APPS_NO_SECURE_BOOT");
        var scheme = config.FirstEnabled("SECURE_SIGNED_APPS_RSA_SCHEME", "SECURE_SIGNED_APPS_ECDSA_V2_SCHEME", "SECURE_SIGNED_APPS_ECDSA_SCHEME")?.BareName switch
        {
            "SECURE_SIGNED_APPS_RSA_SCHEME" => "RSA",
            "SECURE_SIGNED_APPS_ECDSA_V2_SCHEME" => "ECDSA (v2)",
            "SECURE_SIGNED_APPS_ECDSA_SCHEME" => "ECDSA",
            _ => null,
        };
        var signature = Signature(config, secureBootOn ? secureBoot ?? 0 : null, signedApps, scheme, weaknesses);
        var downgrade = Downgrade(config, weaknesses, out var antiRollback, out var secureVersion, out var emulated);
        AddHardeningWeaknesses(config, weaknesses);
        var transport = EspIdfOtaChecks.Transport(config, signature.State, weaknesses);
        var redundancy = EspIdfOtaChecks.Redundancy(config, out var table);
        var flash = config.IsEnabled("SECURE_FLASH_ENC_ENABLED") || config.IsEnabled("FLASH_ENCRYPTION_ENABLED")
            ? config.IsEnabled("SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT") ? "development" : "release"
            : null;
        var facts = config.Symbols.Where(IsSecurityRelevant).Select(v => new InspectionFact("CONFIG_" + v.BareName, v.Value)).ToList();
        return new EspIdfBuildSettings(source, secureBoot, signedApps, scheme, antiRollback, secureVersion, emulated,
            config.IsEnabled("BOOTLOADER_APP_ROLLBACK_ENABLE") || config.IsEnabled("APP_ROLLBACK_ENABLE"), flash, table,
            new BuildConfigVerdicts(signature, downgrade, transport, redundancy, weaknesses), facts);
    }

    /// <param name="secureBoot">The secure boot version, 0 when on but the version is not named, null when off.</param>
    private static EnforcementVerdict Signature(KconfigFile config, int? secureBoot, bool signedApps, string? scheme, List<UpdateWeakness> weaknesses)
    {
        if (secureBoot is { } version)
        {
            var named = version == 0 ? string.Empty : $" v{version}";
            return EnforcementVerdict.Enforced($"hardware secure boot{named} is on: the ROM verifies the bootloader and the bootloader every app, at boot and on OTA");
        }

        if (signedApps)
        {
            var when = config.FirstEnabled("SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT", "SECURE_SIGNED_ON_UPDATE") is { } update
                ? $"new apps are verified when an OTA update is written ({config.Describe(update)})"
                : "apps are signed";
            var verdict = EnforcementVerdict.Enforced(
                $"{when}, with the {scheme ?? "configured"} scheme; without hardware secure boot the ROM does not verify the bootloader, so flash written by other means is trusted");
            weaknesses.Add(new UpdateWeakness("esp-signed-on-update-without-secure-boot", verdict.Reason));
            return verdict;
        }

        var mentioned = config.Get("SECURE_BOOT") is not null || config.Get("SECURE_SIGNED_APPS_NO_SECURE_BOOT") is not null;
        var off = EnforcementVerdict.NotEnforced(
            $"neither secure boot nor signed apps is enabled{(mentioned ? string.Empty : " (not set in this file; both default to off)")}: OTA accepts any app image whose appended SHA-256 matches");
        weaknesses.Add(new UpdateWeakness("esp-no-app-signature", off.Reason));
        return off;
    }

    private static EnforcementVerdict Downgrade(KconfigFile config, List<UpdateWeakness> weaknesses, out bool antiRollback, out int? secureVersion, out bool emulated)
    {
        var enabled = config.FirstEnabled("BOOTLOADER_APP_ANTI_ROLLBACK", "APP_ANTI_ROLLBACK");
        antiRollback = enabled is not null;
        secureVersion = int.TryParse((config.Get("BOOTLOADER_APP_SECURE_VERSION") ?? config.Get("APP_SECURE_VERSION"))?.Value, NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var emulation = config.Get("BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE") is { Enabled: true } e ? e : null;
        emulated = emulation is not null;
        if (config.Symbols.FirstOrDefault(v => v.Enabled && v.BareName.EndsWith("SKIP_VERSION_CHECK", StringComparison.Ordinal)) is { } skip)
        {
            weaknesses.Add(new UpdateWeakness("esp-example-version-check-skipped", $"{config.Describe(skip)}: the OTA code does not compare the new version with the running one"));
        }

        if (enabled is null)
        {
            return EnforcementVerdict.NotEnforced("CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is not set: the bootloader boots an older app as readily as a newer one");
        }

        var version = secureVersion is { } v ? string.Create(CultureInfo.InvariantCulture, $", app secure_version {v}") : string.Empty;
        if (emulation is null)
        {
            return EnforcementVerdict.Enforced($"{config.Describe(enabled)}{version}: apps with a secure_version below the eFuse counter are refused");
        }

        var reason = $"{config.Describe(enabled)}{version}, but {config.Describe(emulation)}: the counter is emulated in flash (a test-only option), so rewriting flash resets it";
        weaknesses.Add(new UpdateWeakness("esp-anti-rollback-emulated", reason));
        return EnforcementVerdict.Enforced(reason);
    }

    private static void AddHardeningWeaknesses(KconfigFile config, List<UpdateWeakness> weaknesses)
    {
        var insecure = InsecureOptions.Select(config.Get).OfType<KconfigSymbol>().Where(v => v.Enabled).ToList();
        if (insecure.Count > 0)
        {
            weaknesses.Add(new UpdateWeakness("esp-secure-boot-insecure-options", string.Join(", ", insecure.Select(config.Describe)) + ": secure boot or flash protection is relaxed"));
        }

        if (config.Get("SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT") is { Enabled: true } development)
        {
            weaknesses.Add(new UpdateWeakness("esp-flash-encryption-development", $"{config.Describe(development)}: flash encryption can be disabled again over UART"));
        }

        if (config.Symbols.FirstOrDefault(v => v.Enabled && v.BareName.StartsWith("BOOTLOADER_SKIP_VALIDATE_", StringComparison.Ordinal)) is { } skip)
        {
            weaknesses.Add(new UpdateWeakness("esp-app-validation-skipped", $"{config.Describe(skip)}: the bootloader does not validate the app on those boots"));
        }
    }

    private static bool IsSecurityRelevant(KconfigSymbol value) =>
        value.BareName.StartsWith("SECURE_", StringComparison.Ordinal) || value.BareName.StartsWith("BOOTLOADER_APP_", StringComparison.Ordinal)
        || value.BareName.StartsWith("BOOTLOADER_EFUSE_", StringComparison.Ordinal) || value.BareName.StartsWith("PARTITION_TABLE_", StringComparison.Ordinal)
        || value.BareName.Contains("OTA", StringComparison.Ordinal) || value.BareName.StartsWith("ESP_TLS_", StringComparison.Ordinal)
        || value.BareName.EndsWith("COMMON_NAME_CHECK", StringComparison.Ordinal);
}
