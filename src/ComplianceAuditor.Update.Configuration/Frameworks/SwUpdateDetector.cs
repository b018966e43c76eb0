using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// SWUpdate: the program, <c>swupdate.cfg</c> (libconfig) and the start options. A public key (<c>-k</c> or
/// <c>public-key-file</c>) means signed images are required: SWUpdate built for signed images refuses to start
/// without one, so a configuration without a key is one that installs unsigned images. <c>no-downgrading</c> /
/// <c>-N</c> sets a minimum version; <c>-e set,copyN</c> selects one of two copies; suricatta polls a server.
/// </summary>
internal sealed class SwUpdateDetector : IFrameworkDetector
{
    private static readonly string[] Binaries = ["/usr/bin/swupdate", "/usr/sbin/swupdate", "/bin/swupdate", "/sbin/swupdate"];
    private static readonly string[] Configs = ["/etc/swupdate.cfg", "/etc/swupdate/swupdate.cfg"];
    private static readonly string[] ArgumentFolders = ["/etc/swupdate/conf.d", "/usr/lib/swupdate/conf.d"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var evidence = Binaries.Concat(Configs).Append("/etc/default/swupdate").Where(context.Exists).ToList();
        evidence.AddRange(ArgumentFolders.SelectMany(d => context.FilesIn(d)));
        var starts = context.Automation.Find(e => e.Runs("swupdate") || e.NameContains("swupdate"));
        evidence.AddRange(starts.Select(e => e.Location.Path));
        if (evidence.Count == 0)
        {
            yield break;
        }

        var arguments = new SwUpdateArguments();
        foreach (var path in evidence.Where(p => !Configs.Contains(p) && !Binaries.Contains(p)).Distinct())
        {
            if (context.Text(path) is { } file)
            {
                for (var i = 0; i < file.Lines.Count; i++)
                {
                    arguments.Read(file.Lines[i], file.At(i));
                }
            }
        }

        var config = SwUpdateConfig.Read(context, Configs.Where(context.Exists));
        arguments.Keys.AddRange(config.Keys);
        arguments.MinimumVersions.AddRange(config.MinimumVersions);
        arguments.Selections.AddRange(config.Selections);
        var configured = evidence.Any(p => !Binaries.Contains(p));
        var keys = arguments.Keys.Select(k => k.Value).Distinct(StringComparer.Ordinal).ToList();
        var periodic = starts.Where(s => s.IsPeriodic).ToList();

        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.SwUpdate,
            Evidence = [.. evidence.Distinct().Order(StringComparer.Ordinal)],
            SignatureEnforcement = Signature(arguments, configured),
            TrustedKeysPresent = keys.Count > 0 ? keys.All(context.Exists) : configured ? false : null,
            TrustedKeyPaths = keys,
            DowngradeProtection = Downgrade(arguments, configured),
            TransportIssues = [.. config.Issues, .. arguments.Issues],
            Redundancy = Redundancy(arguments.Selections),
            AutomaticChecks = Automatic(config, arguments, periodic),
            Weaknesses = [.. TrustedKeyScreen.Missing(context, keys.Where(k => k.StartsWith('/')), "the SWUpdate configuration"),
                .. TrustedKeyScreen.Screen(context, keys)],
            Facts = [.. config.Facts, .. keys.Select(k => new InspectionFact("public key", k))],
        };
    }

    private static EnforcementVerdict Signature(SwUpdateArguments arguments, bool configured)
    {
        if (arguments.Keys.Count > 0)
        {
            return EnforcementVerdict.Enforced(
                $"a public key is configured ({Setting.List(arguments.Keys)}): SWUpdate verifies the signature of sw-description, and the hashes in it cover the images");
        }

        return configured
            ? EnforcementVerdict.NotEnforced(
                "no public key is configured (no public-key-file in swupdate.cfg, no -k in the start options): a SWUpdate built for signed images refuses to start without one, so one running this way installs unsigned images")
            : EnforcementVerdict.Unknown("only the swupdate program was found; its start options and swupdate.cfg are not in the file system");
    }

    private static EnforcementVerdict Downgrade(SwUpdateArguments arguments, bool configured)
    {
        if (arguments.MinimumVersions.Count > 0)
        {
            return EnforcementVerdict.Enforced($"a minimum version is set (no-downgrading / -N: {Setting.List(arguments.MinimumVersions)}): older releases are refused");
        }

        return configured
            ? EnforcementVerdict.NotEnforced("no no-downgrading setting and no -N option: SWUpdate installs an older release as readily as a newer one")
            : EnforcementVerdict.Unknown("the start options are not in the file system");
    }

    private static PresenceVerdict Redundancy(List<Setting> selections)
    {
        if (selections.Count == 0)
        {
            return PresenceVerdict.Unknown("single or double copy is decided by the sw-description inside each .swu; no -e / select option chooses a copy here");
        }

        var modes = selections.Select(s => s.Value.Split(',') is [_, var mode] ? mode : s.Value).Distinct(StringComparer.Ordinal).ToList();
        return modes.Count > 1 || modes.Any(LooksLikeCopy)
            ? PresenceVerdict.Present($"the start options select one of several copies ({Setting.List(selections)}): an A/B (double-copy) layout")
            : PresenceVerdict.Unknown($"a software set is selected ({Setting.List(selections)}) but it does not show a second copy");
    }

    private static bool LooksLikeCopy(string mode) =>
        mode.Length > 0 && (char.IsAsciiDigit(mode[^1]) || mode.EndsWith("_a", StringComparison.OrdinalIgnoreCase)
            || mode.EndsWith("_b", StringComparison.OrdinalIgnoreCase) || mode is "a" or "b" or "A" or "B" or "alt" or "main" or "recovery");

    private static PresenceVerdict Automatic(SwUpdateConfig config, SwUpdateArguments arguments, List<AutomationEntry> periodic)
    {
        if (config.Server is { } server)
        {
            return PresenceVerdict.Present($"a suricatta server is configured ({server}); swupdate polls it when started with -u");
        }

        if (arguments.Suricatta.Count > 0)
        {
            return PresenceVerdict.Present($"swupdate is started with -u (suricatta) at {arguments.Suricatta[0]}: it polls its server");
        }

        return periodic.Count > 0
            ? PresenceVerdict.Present($"{periodic[0].Describe()}")
            : PresenceVerdict.Absent("no suricatta server, and no timer or cron job runs swupdate: an update waits for someone to push it");
    }
}
