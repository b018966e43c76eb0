using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>The security-relevant content of a RAUC <c>system.conf</c>: keyring, its checks, formats, minimum version, slots.</summary>
internal sealed class RaucSystemConfig
{
    private readonly List<(string Class, string Name, string? BootName, bool ReadOnly)> slots = [];

    public List<Setting> KeyringPaths { get; } = [];

    public string? MinimumVersion { get; private set; }

    public List<UpdateWeakness> Weaknesses { get; } = [];

    public List<InspectionFact> Facts { get; } = [];

    public static RaucSystemConfig Read(TextFile file)
    {
        var config = new RaucSystemConfig();
        var ini = IniReader.Read(file);
        string? Value(string section, string key) => IniReader.Find(ini, section, key)?.Value;
        FileLocation At(IniEntry e) => new(file.Path, e.Line);

        foreach (var key in (string[])["path", "directory"])
        {
            if (IniReader.Find(ini, "keyring", key) is { Value.Length: > 0 } entry)
            {
                config.KeyringPaths.Add(new Setting(entry.Value, At(entry)));
            }
        }

        config.MinimumVersion = Value("system", "min-bundle-version");
        var formats = Value("system", "bundle-formats");
        if (!PlainRefused(formats))
        {
            config.Weaknesses.Add(new UpdateWeakness("rauc-plain-bundles-allowed", formats is null
                ? "bundle-formats is not set, so the default formats, plain included, are accepted: a plain bundle's payload is read after its signature check, without dm-verity"
                : $"bundle-formats={formats} accepts plain bundles, whose payload is read after the signature check without dm-verity"));
        }

        if (config.KeyringPaths.Count > 0)
        {
            config.AddKeyringWeaknesses(Value);
        }
        else
        {
            config.Weaknesses.Add(new UpdateWeakness("rauc-no-keyring", $"{file.Path} has no [keyring] path or directory"));
        }

        foreach (var section in ini.Select(e => e.Section).Distinct(StringComparer.Ordinal).Where(s => s.StartsWith("slot.", StringComparison.Ordinal)))
        {
            var parts = section.Split('.');
            var slotClass = parts.Length >= 3 ? parts[1] : section;
            config.slots.Add((slotClass, section["slot.".Length..], Value(section, "bootname"), IniReader.IsTrue(Value(section, "readonly"))));
        }

        foreach (var key in (string[])["compatible", "bootloader", "bundle-formats", "min-bundle-version"])
        {
            if (Value("system", key) is { } value)
            {
                config.Facts.Add(new InspectionFact(key, value));
            }
        }

        return config;
    }

    public PresenceVerdict Redundancy()
    {
        var bootable = slots.Where(s => s.BootName is not null).GroupBy(s => s.Class, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() >= 2);
        var recovery = slots.FirstOrDefault(s => s.Class is "rescue" or "recovery" or "factory");
        if (bootable is not null)
        {
            var names = string.Join(", ", bootable.Select(s => $"{s.Name} (bootname {s.BootName})"));
            var rescue = recovery.Name is null ? string.Empty : $", plus recovery slot {recovery.Name}";
            return PresenceVerdict.Present($"A/B slots {names}{rescue}");
        }

        if (recovery.Name is not null)
        {
            return PresenceVerdict.Present($"recovery slot {recovery.Name}");
        }

        return slots.Count == 0
            ? PresenceVerdict.Absent("system.conf declares no slots")
            : PresenceVerdict.Absent($"no slot class has two bootable slots and there is no rescue slot ({string.Join(", ", slots.Select(s => s.Name))})");
    }

    /// <summary>True when the list excludes plain: "-plain", or an explicit list without "plain".</summary>
    private static bool PlainRefused(string? formats)
    {
        if (formats is null)
        {
            return false;
        }

        var items = formats.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (items.Contains("-plain", StringComparer.Ordinal))
        {
            return true;
        }

        var relative = items.All(i => i.StartsWith('-') || i.StartsWith('+'));
        return !relative && !items.Contains("plain", StringComparer.Ordinal);
    }

    private void AddKeyringWeaknesses(Func<string, string, string?> value)
    {
        if (IniReader.IsTrue(value("keyring", "allow-partial-chain")))
        {
            Weaknesses.Add(new UpdateWeakness("rauc-allow-partial-chain", "allow-partial-chain=true: intermediate certificates in the keyring are trust anchors too, and CRLs of the root cannot be checked"));
        }

        if (!IniReader.IsTrue(value("keyring", "check-crl")))
        {
            Weaknesses.Add(new UpdateWeakness("rauc-crl-not-checked", "check-crl is not true: a revoked signing certificate is still accepted"));
        }

        if (IniReader.IsTrue(value("keyring", "use-bundle-signing-time")))
        {
            Weaknesses.Add(new UpdateWeakness("rauc-signing-time-used", "use-bundle-signing-time=true: expired certificates stay valid for bundles dated inside their validity"));
        }

        if (string.Equals(value("keyring", "check-purpose"), "any", StringComparison.OrdinalIgnoreCase))
        {
            Weaknesses.Add(new UpdateWeakness("rauc-any-certificate-purpose", "check-purpose=any: a certificate issued for any purpose (a TLS server, e-mail) can sign bundles"));
        }
    }
}
