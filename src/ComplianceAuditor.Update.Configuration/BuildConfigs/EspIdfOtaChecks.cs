using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>The OTA transport and partition-layout part of <see cref="EspIdfSdkconfig"/>.</summary>
internal static class EspIdfOtaChecks
{
    public static IReadOnlyList<TransportIssue> Transport(KconfigFile config, Enforcement payload, List<UpdateWeakness> weaknesses)
    {
        var issues = new List<TransportIssue>();
        void Add(KconfigSymbol value, TransportIssueKind kind, string code, string what)
        {
            issues.Add(new TransportIssue(kind, config.Where(value), $"CONFIG_{value.BareName}={value.Value}", payload));
            weaknesses.Add(new UpdateWeakness(code, $"{config.Describe(value)}: {what}"));
        }

        if (config.FirstEnabled("ESP_HTTPS_OTA_ALLOW_HTTP", "OTA_ALLOW_HTTP") is { } http)
        {
            Add(http, TransportIssueKind.PlainHttp, "esp-ota-allow-http", "esp_https_ota accepts plain HTTP (an option its help text reserves for testing)");
        }

        if (config.Get("ESP_TLS_INSECURE") is { Enabled: true } insecure)
        {
            weaknesses.Add(new UpdateWeakness("esp-tls-insecure", $"{config.Describe(insecure)}: insecure esp-tls options are unlocked"));
        }

        if (config.Get("ESP_TLS_SKIP_SERVER_CERT_VERIFY") is { Enabled: true } skip)
        {
            Add(skip, TransportIssueKind.TlsVerificationDisabled, "esp-tls-skip-server-cert-verify", "the server certificate is not verified");
        }

        foreach (var cn in config.Symbols.Where(v => v.Enabled && v.BareName.EndsWith("SKIP_COMMON_NAME_CHECK", StringComparison.Ordinal)))
        {
            Add(cn, TransportIssueKind.TlsHostnameCheckDisabled, "esp-skip-common-name-check", "the certificate's common name is not compared with the server's host name");
        }

        foreach (var url in config.Symbols.Where(v => v.BareName.EndsWith("_URL", StringComparison.Ordinal)))
        {
            issues.AddRange(UrlScanner.Find(url.Value).Select(u => new TransportIssue(u.Kind, config.Where(url), $"CONFIG_{url.BareName}=\"{url.Value}\"", payload)));
        }

        return issues;
    }

    public static PresenceVerdict Redundancy(KconfigFile config, out string? table)
    {
        var rollback = config.FirstEnabled("BOOTLOADER_APP_ROLLBACK_ENABLE", "APP_ROLLBACK_ENABLE");
        var fallback = rollback is null
            ? "; without CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE a new app that fails its self-test is not rolled back"
            : $", and a new app that fails to confirm itself is rolled back ({config.Describe(rollback)})";
        var choice = config.FirstEnabled("PARTITION_TABLE_TWO_OTA", "PARTITION_TABLE_TWO_OTA_LARGE", "PARTITION_TABLE_SINGLE_APP",
            "PARTITION_TABLE_SINGLE_APP_LARGE", "PARTITION_TABLE_CUSTOM");
        switch (choice?.BareName)
        {
            case "PARTITION_TABLE_TWO_OTA" or "PARTITION_TABLE_TWO_OTA_LARGE":
                table = choice.BareName == "PARTITION_TABLE_TWO_OTA" ? "two-ota" : "two-ota-large";
                return PresenceVerdict.Present($"two OTA app slots ({config.Describe(choice)}){fallback}");
            case "PARTITION_TABLE_SINGLE_APP" or "PARTITION_TABLE_SINGLE_APP_LARGE":
                table = choice.BareName == "PARTITION_TABLE_SINGLE_APP" ? "single-app" : "single-app-large";
                return PresenceVerdict.Absent($"a single app partition ({config.Describe(choice)}): no second slot to update into or fall back to");
            case "PARTITION_TABLE_CUSTOM":
                var file = config.Get("PARTITION_TABLE_CUSTOM_FILENAME")?.Value ?? "(unnamed)";
                table = $"custom ({file})";
                return PresenceVerdict.Unknown($"a custom partition table ({file}): whether it has ota_0 and ota_1 is in that file{fallback}");
            default:
                table = null;
                return PresenceVerdict.Unknown($"no partition table is chosen in {config.Source} (a fragment?){(rollback is null ? string.Empty : fallback)}");
        }
    }
}
