using ComplianceAuditor.Update.Configuration.Scanning;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// RAUC: <c>system.conf</c> (the first of <c>/etc/rauc</c>, <c>/run/rauc</c>, <c>/usr/lib/rauc</c>, as RAUC
/// looks). RAUC installs nothing it cannot verify against its keyring; <c>min-bundle-version</c> is its only
/// downgrade protection; two bootable slots of a class make an A/B layout.
/// </summary>
internal sealed class RaucDetector : IFrameworkDetector
{
    private static readonly string[] Configs = ["/etc/rauc/system.conf", "/run/rauc/system.conf", "/usr/lib/rauc/system.conf"];
    private static readonly string[] Binaries = ["/usr/bin/rauc", "/usr/sbin/rauc", "/bin/rauc"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var configPath = Configs.FirstOrDefault(context.Exists);
        var evidence = Binaries.Where(context.Exists).ToList();
        if (configPath is null && evidence.Count == 0)
        {
            yield break;
        }

        var installs = context.Automation.Find(e => e.Runs("rauc", "install") || e.Runs("rauc-hawkbit-updater"));
        evidence.AddRange(installs.Select(e => e.Location.Path));
        if (configPath is null || context.Parse(configPath) is not { } file)
        {
            yield return new UpdateFrameworkFinding
            {
                Name = UpdateFrameworkNames.Rauc,
                Evidence = [.. evidence.Distinct().Order(StringComparer.Ordinal)],
                SignatureEnforcement = EnforcementVerdict.Enforced("RAUC verifies every bundle's CMS signature; its system.conf (keyring) is not in the file system or could not be read"),
                DowngradeProtection = EnforcementVerdict.Unknown("system.conf is not in the file system or could not be read"),
                Redundancy = PresenceVerdict.Unknown("system.conf, which lists the slots, is not in the file system or could not be read"),
                AutomaticChecks = Automatic(installs),
            };
            yield break;
        }

        evidence.Add(configPath);
        var config = RaucSystemConfig.Read(file);
        var directory = configPath[..configPath.LastIndexOf('/')];
        var keyring = config.KeyringPaths.Select(k => Resolve(directory, k.Value)).ToList();
        var weaknesses = config.Weaknesses.Concat(TrustedKeyScreen.Missing(context, keyring, configPath))
            .Concat(TrustedKeyScreen.Screen(context, keyring.SelectMany(k => context.Exists(k) ? [k] : context.Under(k))));

        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.Rauc,
            Evidence = [.. evidence.Distinct().Order(StringComparer.Ordinal)],
            SignatureEnforcement = keyring.Count > 0
                ? EnforcementVerdict.Enforced($"RAUC verifies every bundle's CMS signature against the keyring ({Setting.List(config.KeyringPaths)})")
                : EnforcementVerdict.Unknown($"{configPath} has no [keyring]: RAUC still refuses unverifiable bundles, but the keyring must come from --keyring on each call, which is not visible here"),
            TrustedKeysPresent = keyring.Count > 0 && keyring.All(k => context.Exists(k) || context.Under(k).Any()),
            TrustedKeyPaths = keyring,
            DowngradeProtection = config.MinimumVersion is { } minimum
                ? EnforcementVerdict.Enforced($"min-bundle-version={minimum}: bundles with an older version are refused")
                : EnforcementVerdict.NotEnforced($"no min-bundle-version in {configPath}: RAUC installs a bundle of any version"),
            Redundancy = config.Redundancy(),
            AutomaticChecks = Automatic(installs),
            Weaknesses = [.. weaknesses],
            Facts = config.Facts,
        };
    }

    /// <summary>RAUC resolves a relative keyring path against the folder of system.conf.</summary>
    internal static string Resolve(string directory, string path)
    {
        var parts = new List<string>();
        foreach (var part in (path.StartsWith('/') ? path : directory + "/" + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    private static PresenceVerdict Automatic(IReadOnlyList<AutomationEntry> installs)
    {
        if (installs.FirstOrDefault(e => e.IsPeriodic || e.Runs("rauc-hawkbit-updater")) is { } entry)
        {
            return PresenceVerdict.Present(entry.Describe());
        }

        return PresenceVerdict.Absent("RAUC does not poll by itself, and no timer, cron job or hawkBit client runs 'rauc install'");
    }
}
