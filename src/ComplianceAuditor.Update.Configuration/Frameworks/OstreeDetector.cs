using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// OSTree: remotes in <c>/etc/ostree/remotes.d/*.conf</c> and the repository <c>config</c>. A remote with
/// <c>gpg-verify=false</c> and no <c>sign-verify</c> pulls unsigned commits; <c>tls-permissive=true</c> skips the
/// certificate check. <c>ostree admin upgrade</c> refuses a commit older than the deployed one (its timestamp is
/// signed with the commit), and the previous deployment stays bootable for rollback.
/// </summary>
internal sealed class OstreeDetector : IFrameworkDetector
{
    private static readonly string[] RepoConfigs = ["/ostree/repo/config", "/sysroot/ostree/repo/config"];
    private static readonly string[] Binaries = ["/usr/bin/ostree", "/usr/bin/rpm-ostree"];
    private static readonly string[] KeyFolders = ["/usr/share/ostree/trusted.gpg.d", "/etc/ostree/trusted.gpg.d", "/etc/ostree/trusted.ed25519.d"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var configs = context.FilesIn("/etc/ostree/remotes.d", ".conf").Concat(RepoConfigs.Where(context.Exists)).ToList();
        var evidence = configs.Concat(Binaries.Where(context.Exists)).ToList();
        if (evidence.Count == 0 && !context.Under("/ostree/deploy").Any())
        {
            yield break;
        }

        var remotes = configs.Select(context.Parse).OfType<TextFile>().SelectMany(OstreeRemote.Read).ToList();
        var issues = new List<TransportIssue>();
        var weaknesses = new List<UpdateWeakness>();
        foreach (var remote in remotes)
        {
            var state = remote.Verified ? Enforcement.Enforced : Enforcement.NotEnforced;
            foreach (var entry in remote.Entries.Where(e => e.Key is "url" or "contenturl"))
            {
                issues.AddRange(UrlScanner.Find(entry.Value).Select(u =>
                    TransportScanner.Issue(u.Kind, remote.At(entry), $"{entry.Key}={entry.Value}") with { PayloadSignatures = state }));
            }

            if (remote.Get("tls-permissive") is { } permissive && IniReader.IsTrue(permissive.Value))
            {
                issues.Add(TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, remote.At(permissive), "tls-permissive=true") with { PayloadSignatures = state });
            }

            if (remote.GpgVerify && remote.Get("gpg-verify-summary") is { } summary && IniReader.IsFalse(summary.Value))
            {
                weaknesses.Add(new UpdateWeakness("ostree-summary-unverified", $"remote {remote.Name}: gpg-verify-summary=false ({remote.At(summary)}): the branch list can be replayed or frozen"));
            }
        }

        var keys = KeyFolders.SelectMany(context.Under)
            .Concat(context.FilesIn("/etc/ostree/remotes.d", ".gpg"))
            .Concat(remotes.SelectMany(r => r.Entries.Where(e => e.Key is "gpgkeypath" or "verification-ed25519-file").Select(e => e.Value)))
            .Distinct(StringComparer.Ordinal).ToList();
        var signature = Signature(remotes);
        var allowDowngrade = context.Automation.Find(e => e.Command.Contains("--allow-downgrade", StringComparison.Ordinal));

        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.OsTree,
            Evidence = [.. evidence.Order(StringComparer.Ordinal)],
            SignatureEnforcement = signature,
            TrustedKeysPresent = keys.Count > 0 ? keys.All(k => context.Exists(k) || context.Under(k).Any()) : remotes.Count > 0 ? false : null,
            TrustedKeyPaths = keys,
            DowngradeProtection = allowDowngrade.Count > 0
                ? EnforcementVerdict.NotEnforced($"an automatic upgrade passes --allow-downgrade: {allowDowngrade[0].Describe()}")
                : signature.State == Enforcement.NotEnforced
                    ? EnforcementVerdict.NotEnforced("ostree refuses commits older than the deployed one by their timestamp, but unsigned commits let anyone forge it")
                    : EnforcementVerdict.Enforced("ostree admin upgrade refuses a commit older than the deployed one (timestamp covered by the commit signature) unless --allow-downgrade"),
            TransportIssues = issues,
            Redundancy = PresenceVerdict.Present("OSTree keeps the previous deployment as a boot entry to roll back to"),
            AutomaticChecks = Automatic(context),
            Weaknesses = weaknesses,
            Facts = [.. remotes.Select(r => new InspectionFact($"remote {r.Name}", r.Get("url")?.Value ?? "(no url)"))],
        };
    }

    private static EnforcementVerdict Signature(List<OstreeRemote> remotes)
    {
        if (remotes.Count == 0)
        {
            return EnforcementVerdict.Unknown("no OSTree remote is configured in the file system");
        }

        var unverified = remotes.Where(r => !r.Verified).ToList();
        return unverified.Count > 0
            ? EnforcementVerdict.NotEnforced($"remote(s) {string.Join(", ", unverified.Select(r => $"{r.Name} ({r.Path})"))} set gpg-verify=false without sign-verify: unsigned commits are pulled and deployed")
            : EnforcementVerdict.Enforced($"every remote verifies commit signatures ({string.Join(", ", remotes.Select(r => r.Name))}; gpg-verify defaults to true)");
    }

    private static PresenceVerdict Automatic(ScanContext context)
    {
        if (context.Text("/etc/rpm-ostreed.conf") is { } conf
            && IniReader.Find(IniReader.Read(conf), "Daemon", "AutomaticUpdatePolicy") is { } policy && policy.Value is "check" or "stage" or "apply")
        {
            return PresenceVerdict.Present($"AutomaticUpdatePolicy={policy.Value} in /etc/rpm-ostreed.conf:{policy.Line}");
        }

        var runs = context.Automation.Find(e => (e.IsPeriodic && (e.Runs("ostree") || e.Runs("rpm-ostree")))
            || e.NameContains("rpm-ostreed-automatic") || e.Runs("aktualizr"));
        return runs.Count > 0
            ? PresenceVerdict.Present(runs[0].Describe())
            : PresenceVerdict.Absent("no timer, cron job or update daemon (rpm-ostreed automatic policy, aktualizr) upgrades the deployment");
    }
}
