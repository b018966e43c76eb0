using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// apt: <c>sources.list(.d)</c> and <c>apt.conf(.d)</c>. apt verifies the signed Release file of every repository
/// unless a source says <c>trusted=yes</c> / <c>allow-insecure=yes</c> or apt.conf allows insecure repositories;
/// plain HTTP alone is then a warning. <c>Check-Valid-Until "false"</c> lets an old Release file be replayed.
/// </summary>
internal sealed class AptDetector : IFrameworkDetector
{
    private static readonly string[] InsecureOptions =
        ["Acquire::AllowInsecureRepositories", "APT::Get::AllowUnauthenticated", "Acquire::AllowDowngradeToInsecureRepositories"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var lists = context.IfExists("/etc/apt/sources.list").Concat(context.FilesIn("/etc/apt/sources.list.d", ".list")).ToList();
        var deb822 = context.FilesIn("/etc/apt/sources.list.d", ".sources").ToList();
        var confs = context.IfExists("/etc/apt/apt.conf").Concat(context.FilesIn("/etc/apt/apt.conf.d")).ToList();
        var binaries = context.IfExists("/usr/bin/apt-get").Concat(context.IfExists("/usr/bin/apt")).ToList();
        if (lists.Count + deb822.Count == 0 && binaries.Count == 0)
        {
            yield break;
        }

        var sources = lists.Select(context.Parse).OfType<TextFile>().SelectMany(AptSource.ReadList)
            .Concat(deb822.Select(context.Parse).OfType<TextFile>().SelectMany(AptSource.ReadDeb822)).ToList();
        var settings = confs.Select(context.Parse).OfType<TextFile>()
            .SelectMany(f => AptConfReader.Read(f).Select(e => new AptSetting(e.Key, e.Value, new FileLocation(f.Path, e.Line))))
            .ToList();

        var insecure = settings.Where(s => InsecureOptions.Contains(s.Key, StringComparer.OrdinalIgnoreCase) && IniReader.IsTrue(s.Raw)).ToList();
        var unverified = sources.Where(s => s.Unverified).ToList();
        var signature = insecure.Count > 0
            ? EnforcementVerdict.NotEnforced($"apt.conf allows unsigned repositories: {string.Join(", ", insecure.Take(4))}")
            : unverified.Count > 0
                ? EnforcementVerdict.NotEnforced($"source(s) marked trusted=yes / allow-insecure=yes are installed from without a signature check: {string.Join(", ", unverified.Take(4).Select(s => $"{s.Uri} ({s.Location})"))}")
                : sources.Count > 0
                    ? EnforcementVerdict.Enforced("apt verifies the signed Release file of every configured repository")
                    : EnforcementVerdict.Unknown("no apt source is configured in the file system");

        var issues = new List<TransportIssue>();
        foreach (var source in sources)
        {
            var state = insecure.Count > 0 || source.Unverified ? Enforcement.NotEnforced : Enforcement.Enforced;
            issues.AddRange(UrlScanner.Find(source.Uri).Select(u => TransportScanner.Issue(u.Kind, source.Location, source.Text) with { PayloadSignatures = state }));
        }

        foreach (var tls in settings.Where(s => s.Key.EndsWith("::Verify-Peer", StringComparison.OrdinalIgnoreCase) && IniReader.IsFalse(s.Raw)))
        {
            issues.Add(TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, tls.Location, tls.Value) with { PayloadSignatures = signature.State });
        }

        foreach (var host in settings.Where(s => s.Key.EndsWith("::Verify-Host", StringComparison.OrdinalIgnoreCase) && IniReader.IsFalse(s.Raw)))
        {
            issues.Add(TransportScanner.Issue(TransportIssueKind.TlsHostnameCheckDisabled, host.Location, host.Value) with { PayloadSignatures = signature.State });
        }

        var validUntil = settings.FirstOrDefault(s => s.Key.EndsWith("Check-Valid-Until", StringComparison.OrdinalIgnoreCase) && IniReader.IsFalse(s.Raw));
        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.Apt,
            Evidence = [.. lists.Concat(deb822).Concat(confs).Concat(binaries).Order(StringComparer.Ordinal)],
            SignatureEnforcement = signature,
            TrustedKeysPresent = sources.Count > 0 ? Keys(context).Count > 0 : null,
            TrustedKeyPaths = Keys(context),
            DowngradeProtection = validUntil is not null
                ? EnforcementVerdict.NotEnforced($"Check-Valid-Until is off ({validUntil.Location}): an old signed Release file can be replayed to hold back or roll back packages")
                : EnforcementVerdict.Unknown("apt never downgrades by itself; replay of an old Release file is refused only where the repository sets Valid-Until"),
            TransportIssues = issues,
            Redundancy = PresenceVerdict.Absent("apt installs packages in place on the running system"),
            AutomaticChecks = Automatic(context, settings),
            Weaknesses = validUntil is null ? [] : [new UpdateWeakness("apt-check-valid-until-off", validUntil.Value)],
            Facts = [.. sources.Take(32).Select(s => new InspectionFact("repository", s.Uri))],
        };
    }

    private static List<string> Keys(ScanContext context) =>
        [.. context.IfExists("/etc/apt/trusted.gpg")
            .Concat(context.Under("/etc/apt/trusted.gpg.d")).Concat(context.Under("/etc/apt/keyrings")).Concat(context.Under("/usr/share/keyrings"))];

    private static PresenceVerdict Automatic(ScanContext context, List<AptSetting> settings)
    {
        var periodic = settings.FirstOrDefault(s => s.Key.StartsWith("APT::Periodic::", StringComparison.OrdinalIgnoreCase)
            && (s.Key.EndsWith("Update-Package-Lists", StringComparison.OrdinalIgnoreCase) || s.Key.EndsWith("Unattended-Upgrade", StringComparison.OrdinalIgnoreCase))
            && s.Raw is not ("0" or ""));
        if (periodic is not null)
        {
            return PresenceVerdict.Present(periodic.ToString());
        }

        var runs = context.Automation.Find(e => e.IsPeriodic && (e.NameContains("apt-daily") || e.Runs("unattended-upgrade") || e.Runs("apt-get", "upgrade") || e.Runs("apt", "upgrade")));
        return runs.Count > 0
            ? PresenceVerdict.Present(runs[0].Describe())
            : PresenceVerdict.Absent("no APT::Periodic setting, apt-daily timer, unattended-upgrades or cron job updates packages");
    }
}
