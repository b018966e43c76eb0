using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// OpenWrt sysupgrade: <c>/sbin/sysupgrade</c> and <c>/lib/upgrade/*.sh</c>. It checks the image's fwtool metadata
/// (supported devices) and format; an image signature is checked only with ucert, and required only where the
/// platform sets <c>REQUIRE_IMAGE_SIGNATURE=1</c>. The usign keys in <c>/etc/opkg/keys</c> cover package feeds, not
/// images. Nothing compares versions. Dual-boot platforms say so in their upgrade scripts.
/// </summary>
internal sealed class SysupgradeDetector : IFrameworkDetector
{
    private static readonly string[] DualBootMarkers = ["dual_boot", "dualboot", "boot_part", "auto_recovery", "altbootcmd", "bootcount", "dual_firmware"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var scripts = context.Under("/lib/upgrade").ToList();
        var evidence = context.IfExists("/sbin/sysupgrade").Concat(context.IfExists("/etc/sysupgrade.conf")).Concat(scripts).ToList();
        if (evidence.Count == 0)
        {
            if (OpenWrtTree.Find(context) is var (path, settings))
            {
                yield return new UpdateFrameworkFinding
                {
                    Name = UpdateFrameworkNames.OpenWrtSysupgrade,
                    Evidence = [path],
                    SignatureEnforcement = settings.ImageSignatures,
                    DowngradeProtection = EnforcementVerdict.NotEnforced("sysupgrade does not compare image versions"),
                    Redundancy = PresenceVerdict.Unknown("the slot layout is set by the target's image recipe, not by .config"),
                    AutomaticChecks = PresenceVerdict.Unknown("a build tree does not show the device's timers or cron jobs"),
                    Weaknesses = [.. settings.Verdicts.Weaknesses.Where(w => w.Code == "openwrt-sysupgrade-image-unsigned")],
                };
            }

            yield break;
        }

        var lines = scripts.Select(context.Text).OfType<TextFile>()
            .SelectMany(f => f.Lines.Select((line, i) => (Line: line.Trim(), Location: f.At(i))))
            .Where(l => l.Line.Length > 0 && !ShellWords.IsComment(l.Line)).ToList();
        var required = lines.FirstOrDefault(l => l.Line.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("REQUIRE_IMAGE_SIGNATURE=1", StringComparison.Ordinal));
        var checks = lines.FirstOrDefault(l => l.Line.Contains("fwtool_check_signature", StringComparison.Ordinal) || l.Line.Contains("ucert", StringComparison.Ordinal));
        var ucert = context.Exists("/usr/bin/ucert");
        var dual = lines.FirstOrDefault(l => DualBootMarkers.Any(m => l.Line.Contains(m, StringComparison.Ordinal)));
        var opkgKeys = context.Under("/etc/opkg/keys").Any();

        EnforcementVerdict signature;
        if (required.Line is not null && ucert)
        {
            signature = EnforcementVerdict.Enforced($"REQUIRE_IMAGE_SIGNATURE=1 ({required.Location}) with ucert: images without a valid signature are refused");
        }
        else if (checks.Line is not null)
        {
            signature = EnforcementVerdict.NotEnforced($"an image signature is checked only when the image carries one ({checks.Location}); REQUIRE_IMAGE_SIGNATURE is not set{(ucert ? string.Empty : " and ucert is absent")}, so unsigned images are accepted");
        }
        else
        {
            var keys = opkgKeys ? "; the usign keys in /etc/opkg/keys verify package feeds, not images" : string.Empty;
            signature = EnforcementVerdict.NotEnforced($"sysupgrade checks only the image format and fwtool metadata (supported devices, CRC), not a signature{keys}");
        }

        var (issues, automatic) = AttendedSysupgrade(context, evidence);
        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.OpenWrtSysupgrade,
            Evidence = [.. evidence.Distinct().Order(StringComparer.Ordinal)],
            SignatureEnforcement = signature,
            TrustedKeysPresent = ucert ? context.Under("/etc/opkg/keys").Any() : false,
            DowngradeProtection = EnforcementVerdict.NotEnforced("sysupgrade accepts any image for the board: it does not compare versions"),
            TransportIssues = issues,
            Redundancy = dual.Line is not null
                ? PresenceVerdict.Present($"the upgrade scripts switch between firmware copies ({dual.Location}: {dual.Line})")
                : PresenceVerdict.Absent("sysupgrade writes the new image over the running firmware; no second copy is mentioned in /lib/upgrade"),
            AutomaticChecks = automatic,
        };
    }

    /// <summary>The attended-sysupgrade server settings (UCI) and whether anything runs an upgrade by itself.</summary>
    private static (List<TransportIssue> Issues, PresenceVerdict Automatic) AttendedSysupgrade(ScanContext context, List<string> evidence)
    {
        var issues = new List<TransportIssue>();
        const string Uci = "/etc/config/attendedsysupgrade";
        if (context.Parse(Uci) is { } file)
        {
            evidence.Add(Uci);
            for (var i = 0; i < file.Lines.Count; i++)
            {
                if (!ShellWords.IsComment(file.Lines[i]))
                {
                    issues.AddRange(UrlScanner.Find(file.Lines[i]).Select(u => TransportScanner.Issue(u.Kind, file.At(i), file.Lines[i])));
                }
            }
        }

        var runs = context.Automation.Find(e => e.IsPeriodic && (e.Runs("sysupgrade") || e.Runs("auc") || e.Runs("owut")));
        var automatic = runs.Count > 0
            ? PresenceVerdict.Present(runs[0].Describe())
            : PresenceVerdict.Absent("no timer or cron job runs sysupgrade, auc or owut: updates are manual");
        return (issues, automatic);
    }
}
