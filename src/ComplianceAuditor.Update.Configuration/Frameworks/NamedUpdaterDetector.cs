using ComplianceAuditor.Update.Configuration.Scanning;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// Update clients recognised by their files only (Android update_engine, aktualizr): reported so CHK-UPD-01 sees
/// them, with verdicts left unknown because their trust settings live in signed payload metadata or in files this
/// scan does not parse.
/// </summary>
internal sealed class NamedUpdaterDetector : IFrameworkDetector
{
    private static readonly (string Name, string[] Paths, string Poller)[] Known =
    [
        (UpdateFrameworkNames.AndroidUpdateEngine, ["/system/bin/update_engine", "/system/bin/update_engine_client", "/system/etc/init/update_engine.rc"], "update_engine"),
        (UpdateFrameworkNames.Aktualizr, ["/usr/bin/aktualizr", "/usr/lib/sota/sota.toml", "/var/sota/sota.toml", "/etc/sota.toml"], "aktualizr"),
    ];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        foreach (var (name, paths, poller) in Known)
        {
            var evidence = paths.Where(context.Exists).ToList();
            if (evidence.Count == 0)
            {
                continue;
            }

            var runs = context.Automation.Find(e => e.Runs(poller));
            yield return new UpdateFrameworkFinding
            {
                Name = name,
                Evidence = evidence,
                SignatureEnforcement = EnforcementVerdict.Unknown($"{name} was recognised by its files; its trust configuration is not judged by this scan"),
                DowngradeProtection = EnforcementVerdict.Unknown($"{name} was recognised by its files only"),
                Redundancy = PresenceVerdict.Unknown($"{name} was recognised by its files only"),
                AutomaticChecks = runs.Count > 0
                    ? PresenceVerdict.Present(runs[0].Describe())
                    : PresenceVerdict.Unknown("no service or timer starting it was found"),
            };
        }
    }
}
