using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// opkg: in a root file system, <c>/etc/opkg.conf</c> and <c>/etc/opkg/*.conf</c> (<c>option check_signature</c>,
/// <c>src/gz</c> feeds, usign keys in <c>/etc/opkg/keys</c>). In an OpenWrt build tree the opkg.conf under
/// <c>package/</c> is a template the build completes, so the tree's <c>.config</c> (CONFIG_SIGNED_PACKAGES) decides.
/// </summary>
internal sealed class OpkgDetector : IFrameworkDetector
{
    private static readonly string[] Binaries = ["/bin/opkg", "/usr/bin/opkg"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var configs = context.IfExists("/etc/opkg.conf").Concat(context.FilesIn("/etc/opkg", ".conf")).ToList();
        var binaries = Binaries.Where(context.Exists).ToList();
        if (configs.Count > 0 || binaries.Count > 0)
        {
            yield return FromRoot(context, configs, binaries);
        }
        else if (OpenWrtTree.Find(context) is var (path, settings))
        {
            var template = context.Exists(OpenWrtTree.OpkgTemplate) ? OpenWrtTree.OpkgTemplate : null;
            var signature = settings.Verdicts.SignatureEnforcement;
            var note = template is null ? string.Empty : $" ({template} is the template the build completes; it is not judged by itself)";
            yield return new UpdateFrameworkFinding
            {
                Name = UpdateFrameworkNames.Opkg,
                Evidence = template is null ? [path] : [path, template],
                SignatureEnforcement = signature with { Reason = signature.Reason + note },
                TrustedKeysPresent = context.Exists("/key-build.pub") ? true : null,
                TrustedKeyPaths = context.Exists("/key-build.pub") ? ["/key-build.pub"] : [],
                DowngradeProtection = settings.Verdicts.DowngradeProtection,
                Redundancy = PresenceVerdict.Absent("opkg installs packages in place on the running system"),
                AutomaticChecks = PresenceVerdict.Unknown("a build tree does not show the device's timers or cron jobs"),
                Weaknesses = [.. settings.Verdicts.Weaknesses.Where(w => w.Code != "openwrt-sysupgrade-image-unsigned")],
                Facts = settings.Target is null ? [] : [new InspectionFact("target board", settings.Target)],
            };
        }
    }

    private static UpdateFrameworkFinding FromRoot(ScanContext context, List<string> configs, List<string> binaries)
    {
        Setting? check = null;
        var feeds = new List<(string Line, FileLocation Location)>();
        foreach (var file in configs.Select(context.Parse).OfType<TextFile>())
        {
            for (var i = 0; i < file.Lines.Count; i++)
            {
                var words = file.Lines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words is ["option", "check_signature", ..])
                {
                    check = new Setting(words.Length > 2 ? words[2] : string.Empty, file.At(i));
                }
                else if (words is ["src" or "src/gz" or "dist" or "dist/gz", _, _, ..])
                {
                    feeds.Add((file.Lines[i].Trim(), file.At(i)));
                }
            }
        }

        var signature = Signature(check, configs.Count > 0);
        var keys = context.Under("/etc/opkg/keys").ToList();
        var issues = feeds.SelectMany(f => UrlScanner.Find(f.Line).Select(u => TransportScanner.Issue(u.Kind, f.Location, f.Line) with { PayloadSignatures = signature.State }));
        var weaknesses = new List<UpdateWeakness>();
        if (signature.State == Enforcement.Enforced && keys.Count == 0)
        {
            weaknesses.Add(new UpdateWeakness("opkg-no-feed-keys", "check_signature is on but /etc/opkg/keys holds no usign key: no feed index can be verified"));
        }

        var periodic = context.Automation.Find(e => e.IsPeriodic && (e.Runs("opkg", "upgrade") || e.Runs("opkg", "update") || e.Runs("opkg", "install")));
        return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.Opkg,
            Evidence = [.. configs.Concat(binaries).Order(StringComparer.Ordinal)],
            SignatureEnforcement = signature,
            TrustedKeysPresent = configs.Count > 0 ? keys.Count > 0 : null,
            TrustedKeyPaths = keys,
            DowngradeProtection = EnforcementVerdict.NotEnforced("a signed opkg feed index has no expiry or counter: an older signed index (with older packages) can be replayed"),
            TransportIssues = [.. issues],
            Redundancy = PresenceVerdict.Absent("opkg installs packages in place on the running system"),
            AutomaticChecks = periodic.Count > 0
                ? PresenceVerdict.Present(periodic[0].Describe())
                : PresenceVerdict.Absent("no timer or cron job runs opkg update/upgrade"),
            Weaknesses = weaknesses,
            Facts = [.. feeds.Select(f => new InspectionFact("feed", f.Line))],
        };
    }

    private static EnforcementVerdict Signature(Setting? check, bool configured)
    {
        if (check is null)
        {
            return configured
                ? EnforcementVerdict.NotEnforced("no 'option check_signature' in /etc/opkg.conf or /etc/opkg/*.conf: opkg installs feed packages without checking the usign signature of the feed index")
                : EnforcementVerdict.Unknown("only the opkg program was found; /etc/opkg.conf is not in the file system");
        }

        return check.Value.Length == 0 || IniReader.IsTrue(check.Value)
            ? EnforcementVerdict.Enforced($"option check_signature ({check.Location}): opkg refuses feed indexes without a valid usign signature")
            : EnforcementVerdict.Unknown($"option check_signature {check.Value} ({check.Location}): opkg versions differ on whether a value switches a boolean option off");
    }
}
