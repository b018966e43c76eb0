using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// fwupd: <c>daemon.conf</c> / <c>fwupd.conf</c> and <c>remotes.d/*.conf</c>. <c>OnlyTrusted=false</c> lets
/// firmware without a trusted signature through; an enabled download remote with <c>Keyring=none</c> takes
/// unsigned metadata. Downgrades and fallback slots are each device's own business, so they stay unknown.
/// </summary>
internal sealed class FwupdDetector : IFrameworkDetector
{
    private static readonly string[] Configs = ["/etc/fwupd/daemon.conf", "/etc/fwupd/fwupd.conf", "/usr/share/fwupd/fwupd.conf"];

    private static readonly string[] Binaries =
        ["/usr/libexec/fwupd/fwupd", "/usr/lib/fwupd/fwupd", "/usr/bin/fwupdmgr", "/usr/libexec/fwupd/fwupdtool"];

    private static readonly string[] KeyFolders = ["/etc/pki/fwupd", "/etc/pki/fwupd-metadata"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var configs = Configs.Where(context.Exists).ToList();
        var remoteFiles = context.FilesIn("/etc/fwupd/remotes.d", ".conf").ToList();
        var evidence = configs.Concat(remoteFiles).Concat(Binaries.Where(context.Exists)).ToList();
        if (evidence.Count == 0)
        {
            yield break;
        }

        var problems = new List<string>();
        foreach (var path in configs)
        {
            if (context.Parse(path) is { } file && IniReader.Find(IniReader.Read(file), "fwupd", "OnlyTrusted") is { } trusted
                && IniReader.IsFalse(trusted.Value))
            {
                problems.Add($"OnlyTrusted={trusted.Value} ({path}:{trusted.Line}) installs firmware without a trusted signature");
            }
        }

        var issues = new List<TransportIssue>();
        var facts = new List<InspectionFact>();
        foreach (var path in remoteFiles)
        {
            if (context.Parse(path) is not { } file)
            {
                continue;
            }

            var ini = IniReader.Read(file);
            if (!IniReader.IsTrue(IniReader.Find(ini, "fwupd Remote", "Enabled")?.Value))
            {
                continue;
            }

            var uri = IniReader.Find(ini, "fwupd Remote", "MetadataURI");
            if (uri is not null)
            {
                facts.Add(new InspectionFact("remote " + path[(path.LastIndexOf('/') + 1)..], uri.Value));
            }

            if (IniReader.Find(ini, "fwupd Remote", "Keyring") is { } keyring && keyring.Value.Equals("none", StringComparison.OrdinalIgnoreCase)
                && uri is not null && !uri.Value.StartsWith("file://", StringComparison.Ordinal))
            {
                problems.Add($"the enabled remote {path} downloads metadata with Keyring=none (line {keyring.Line})");
            }

            foreach (var entry in ini.Where(e => e.Key.EndsWith("URI", StringComparison.Ordinal)))
            {
                issues.AddRange(UrlScanner.Find(entry.Value).Select(u => TransportScanner.Issue(u.Kind, new FileLocation(path, entry.Line), $"{entry.Key}={entry.Value}")));
            }
        }

        var keys = KeyFolders.SelectMany(context.Under).ToList();
        var refresh = context.Automation.Find(e => e.NameContains("fwupd-refresh") || (e.IsPeriodic && e.Runs("fwupdmgr")));
        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.Fwupd,
            Evidence = [.. evidence.Order(StringComparer.Ordinal)],
            SignatureEnforcement = problems.Count > 0
                ? EnforcementVerdict.NotEnforced(string.Join("; ", problems))
                : EnforcementVerdict.Enforced("OnlyTrusted is not switched off (it defaults to true) and every enabled download remote has a keyring: metadata and firmware must carry a trusted signature"),
            TrustedKeysPresent = keys.Count > 0 ? true : configs.Count > 0 ? false : null,
            TrustedKeyPaths = keys,
            DowngradeProtection = EnforcementVerdict.Unknown("fwupd refuses older releases unless asked (--allow-older), but whether the device itself refuses them depends on its firmware"),
            TransportIssues = issues,
            Redundancy = PresenceVerdict.Unknown("fallback on a failed flash depends on each device's own update protocol"),
            AutomaticChecks = refresh.Count > 0
                ? PresenceVerdict.Present(refresh[0].Describe())
                : PresenceVerdict.Absent("no fwupd-refresh timer or cron job refreshes the metadata"),
            Facts = facts,
        };
    }
}
