using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.BuildConfigs;

/// <summary>
/// Reads an MCUboot bootloader <c>.config</c>, a Zephyr application <c>.config</c> built for MCUboot, or a sysbuild
/// <c>SB_CONFIG_</c> file. The bootloader's configuration decides enforcement; an application's only says how its
/// images are signed, so its verdicts stay unknown where the bootloader decides.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>mcuboot-signature-none</c>: BOOT_SIGNATURE_TYPE_NONE, only a hash is checked.</item>
/// <item><c>mcuboot-sample-signing-key</c>: the signing key file is one of MCUboot's published <c>root-*.pem</c> samples.</item>
/// <item><c>mcuboot-app-unsigned</c>: the application is built with an empty MCUBOOT_SIGNATURE_KEY_FILE.</item>
/// <item><c>mcuboot-unsigned-image-generated</c>: MCUBOOT_GENERATE_UNSIGNED_IMAGE: an unsigned image is produced too.</item>
/// <item><c>mcuboot-primary-slot-not-validated</c>: BOOT_VALIDATE_SLOT0 off: the image in place is booted unchecked.</item>
/// <item><c>mcuboot-primary-slot-validated-once</c>: BOOT_VALIDATE_SLOT0_ONCE, which MCUboot's help text calls unsecure.</item>
/// <item><c>mcuboot-overwrite-only-no-revert</c>: overwrite-only upgrades erase the old image: a bad update cannot be reverted.</item>
/// <item><c>mcuboot-key-match-bypassed</c>: BOOT_BYPASS_KEY_MATCH skips matching the image's key against the built-in key.</item>
/// </list>
/// </remarks>
public static class McubootKconfig
{
    private static readonly (string Symbol, string Type)[] SignatureTypes =
    [
        ("BOOT_SIGNATURE_TYPE_NONE", "none"), ("BOOT_SIGNATURE_TYPE_RSA", "rsa"), ("BOOT_SIGNATURE_TYPE_ECDSA_P256", "ecdsa-p256"),
        ("BOOT_SIGNATURE_TYPE_ECDSA_P384", "ecdsa-p384"), ("BOOT_SIGNATURE_TYPE_ED25519", "ed25519"), ("BOOT_SIGNATURE_TYPE_PURE", "pure"),
    ];

    /// <summary>The settings, or null when the text holds no Kconfig assignment at all.</summary>
    public static McubootBuildSettings? Read(string text, string source = ".config")
    {
        if (KconfigFile.Read(text, source) is not { } config)
        {
            return null;
        }

        var weaknesses = new List<UpdateWeakness>();
        var type = SignatureTypes.FirstOrDefault(t => config.IsEnabled(t.Symbol));
        var bootloader = type.Symbol is not null || config.Get("BOOT_SIGNATURE_KEY_FILE") is not null || config.Get("BOOT_VALIDATE_SLOT0") is not null;
        var keyFile = config.Get("BOOT_SIGNATURE_KEY_FILE") ?? config.Get("MCUBOOT_SIGNATURE_KEY_FILE");
        var signature = Signature(config, type, bootloader, keyFile, weaknesses);
        var mode = McubootModes.UpgradeMode(config);
        var (downgrade, prevention) = McubootModes.Downgrade(config, mode, bootloader);
        var redundancy = McubootModes.Redundancy(config, mode, weaknesses);
        if (config.Get("BOOT_BYPASS_KEY_MATCH") is { Enabled: true } bypass)
        {
            weaknesses.Add(new UpdateWeakness("mcuboot-key-match-bypassed", $"{config.Describe(bypass)}: the image's key is not matched against the built-in key"));
        }

        var facts = config.Symbols.Where(v => v.BareName.StartsWith("BOOT_", StringComparison.Ordinal) || v.BareName.StartsWith("MCUBOOT_", StringComparison.Ordinal)
            || v.BareName == "BOOTLOADER_MCUBOOT").Select(v => new InspectionFact("CONFIG_" + v.BareName, v.Value)).ToList();
        return new McubootBuildSettings(source, bootloader, type.Type, keyFile?.Value, prevention, mode,
            new BuildConfigVerdicts(signature, downgrade, [], redundancy, weaknesses), facts);
    }

    private static EnforcementVerdict Signature(KconfigFile config, (string Symbol, string Type) type, bool bootloader, KconfigSymbol? keyFile, List<UpdateWeakness> weaknesses)
    {
        if (keyFile is { Value.Length: > 0 } && IsSampleKey(keyFile.Value))
        {
            weaknesses.Add(new UpdateWeakness("mcuboot-sample-signing-key", $"{config.Describe(keyFile)} is one of MCUboot's published sample keys: anyone can sign images for this device"));
        }

        if (config.Get("MCUBOOT_GENERATE_UNSIGNED_IMAGE") is { Enabled: true } unsigned)
        {
            weaknesses.Add(new UpdateWeakness("mcuboot-unsigned-image-generated", $"{config.Describe(unsigned)}: the build also produces an unsigned image"));
        }

        if (config.Get("BOOT_VALIDATE_SLOT0") is { Value: "n" } noValidate)
        {
            weaknesses.Add(new UpdateWeakness("mcuboot-primary-slot-not-validated", $"{config.Describe(noValidate)}: the image in the primary slot is booted without checking it"));
        }

        if (config.Get("BOOT_VALIDATE_SLOT0_ONCE") is { Enabled: true } once)
        {
            weaknesses.Add(new UpdateWeakness("mcuboot-primary-slot-validated-once", $"{config.Describe(once)}: the primary slot is checked only on its first boot"));
        }

        if (type.Symbol is not null)
        {
            var chosen = config.Get(type.Symbol)!;
            if (type.Type == "none")
            {
                var none = EnforcementVerdict.NotEnforced($"{config.Describe(chosen)}: MCUboot checks only the image hash, so any image is accepted");
                weaknesses.Add(new UpdateWeakness("mcuboot-signature-none", none.Reason));
                return none;
            }

            return EnforcementVerdict.Enforced($"{config.Describe(chosen)}: MCUboot refuses images without a valid {type.Type} signature");
        }

        if (!bootloader && config.Get("MCUBOOT_SIGNATURE_KEY_FILE") is { } appKey)
        {
            if (appKey.Value.Length == 0)
            {
                weaknesses.Add(new UpdateWeakness("mcuboot-app-unsigned", $"{config.Describe(appKey)} is empty: the application images are built unsigned"));
                return EnforcementVerdict.Unknown("the application is built unsigned (empty MCUBOOT_SIGNATURE_KEY_FILE); whether MCUboot refuses it is set in MCUboot's own configuration");
            }

            return EnforcementVerdict.Unknown($"the application is signed with {appKey.Value}; whether MCUboot requires a signature is set in MCUboot's own configuration");
        }

        return EnforcementVerdict.Unknown("no BOOT_SIGNATURE_TYPE_* is set in this file");
    }

    private static bool IsSampleKey(string path)
    {
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.StartsWith("root-", StringComparison.Ordinal) && name.EndsWith(".pem", StringComparison.Ordinal);
    }
}
