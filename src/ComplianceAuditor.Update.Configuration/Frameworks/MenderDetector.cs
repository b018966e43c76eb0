using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// Mender: <c>mender.conf</c> in <c>/etc/mender</c> and the data partition. Without <c>ArtifactVerifyKey(s)</c> the
/// client installs unsigned artifacts; artifacts carry no version counter, so nothing refuses an older one;
/// <c>RootfsPartA</c>/<c>B</c> name the two root slots; a server URL means the daemon polls it.
/// </summary>
internal sealed class MenderDetector : IFrameworkDetector
{
    private static readonly string[] Configs = ["/etc/mender/mender.conf", "/var/lib/mender/mender.conf", "/data/mender/mender.conf"];

    private static readonly string[] Binaries =
        ["/usr/bin/mender", "/usr/bin/mender-update", "/usr/bin/mender-auth", "/usr/sbin/mender", "/etc/mender/artifact_info"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var configs = Configs.Where(context.Exists).ToList();
        var evidence = configs.Concat(Binaries.Where(context.Exists)).ToList();
        if (evidence.Count == 0)
        {
            yield break;
        }

        var config = MenderConfig.Read(configs.Select(context.Parse).OfType<Parsing.TextFile>(), context.Problem);
        var keys = config.VerifyKeys.Select(k => k.Value).Distinct(StringComparer.Ordinal).ToList();
        var issues = config.Servers.SelectMany(s => Parsing.UrlScanner.Find(s.Value).Select(u => TransportScanner.Issue(u.Kind, s.Location, $"ServerURL = {s.Value}")))
            .Concat(config.SkipVerify.Select(s => TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, s.Location, "SkipVerify = true")));
        var facts = config.Servers.Select(s => new InspectionFact("server", s.Value)).ToList();
        if (config.PollInterval is { } poll)
        {
            facts.Add(new InspectionFact("update poll interval (s)", poll.Value));
        }

        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.Mender,
            Evidence = [.. evidence.Order(StringComparer.Ordinal)],
            SignatureEnforcement = Signature(config, configs.Count > 0),
            TrustedKeysPresent = keys.Count > 0 ? keys.All(context.Exists) : configs.Count > 0 ? false : null,
            TrustedKeyPaths = keys,
            DowngradeProtection = EnforcementVerdict.NotEnforced("Mender artifacts carry no version counter: the client installs any artifact whose device type matches, older ones included"),
            TransportIssues = [.. issues],
            Redundancy = Redundancy(config),
            AutomaticChecks = Automatic(config, context),
            Weaknesses = [.. TrustedKeyScreen.Missing(context, keys.Where(k => k.StartsWith('/')), "mender.conf"), .. TrustedKeyScreen.Screen(context, keys)],
            Facts = facts,
        };
    }

    private static EnforcementVerdict Signature(MenderConfig config, bool configured)
    {
        if (config.VerifyKeys.Count > 0)
        {
            return EnforcementVerdict.Enforced($"ArtifactVerifyKey is set ({Setting.List(config.VerifyKeys)}): unsigned artifacts are refused");
        }

        return configured
            ? EnforcementVerdict.NotEnforced("no ArtifactVerifyKey or ArtifactVerifyKeys in mender.conf: the client installs unsigned artifacts and does not check signed ones")
            : EnforcementVerdict.Unknown("mender.conf is not in the file system");
    }

    private static PresenceVerdict Redundancy(MenderConfig config)
    {
        if (config.PartA is { } a && config.PartB is { } b)
        {
            return a.Value != b.Value
                ? PresenceVerdict.Present($"RootfsPartA={a} and RootfsPartB={b}")
                : PresenceVerdict.Absent($"RootfsPartA and RootfsPartB are the same partition ({a.Value})");
        }

        return config.PartA is not null || config.PartB is not null
            ? PresenceVerdict.Absent("only one of RootfsPartA / RootfsPartB is set")
            : PresenceVerdict.Unknown("RootfsPartA/B are not set in the configuration seen (the device may use update modules only)");
    }

    private static PresenceVerdict Automatic(MenderConfig config, ScanContext context)
    {
        if (config.Servers.Count > 0)
        {
            var interval = config.PollInterval?.Value ?? "1800 (the default)";
            return PresenceVerdict.Present($"the Mender daemon polls {config.Servers[0]} every {interval} s");
        }

        var periodic = context.Automation.Find(e => e.IsPeriodic && (e.Runs("mender") || e.Runs("mender-update")));
        return periodic.Count > 0
            ? PresenceVerdict.Present(periodic[0].Describe())
            : PresenceVerdict.Absent("no ServerURL (standalone mode) and no timer or cron job runs mender: updates happen only when someone installs one");
    }
}
