using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// Vendor update scripts: a text file named like an updater (update, upgrade, fwup, firmware, ota) in a program or
/// CGI folder that downloads something (wget, curl, tftp) or writes flash (mtd write, flashcp, nandwrite, dd to a
/// flash device). A verify command makes the signature verdict unknown (whether its failure stops the flash needs
/// a reader); a bare digest tool or nothing at all is no authentication.
/// </summary>
internal sealed class CustomScriptDetector : IFrameworkDetector
{
    private const int MaxScripts = 32;

    private static readonly string[] Folders =
        ["/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin", "/usr/local/sbin", "/usr/libexec", "/etc/init.d", "/www/cgi-bin", "/usr/lib/cgi-bin", "/usr/share/update"];

    private static readonly string[] NameHints = ["update", "upgrade", "fwup", "firmware", "ota"];

    /// <summary>Programs named like updaters that update something else, or that another detector owns.</summary>
    private static readonly string[] NotFirmware =
    [
        "update-alternatives", "update-ca-certificates", "update-rc.d", "update-mime-database", "update-desktop-database", "update-initramfs",
        "update-grub", "update-pciids", "update-usbids", "update-passwd", "update-locale", "update-icon-caches", "update-info-dir",
        "swupdate", "sysupgrade", "fwupdmgr", "fwupdtool", "mender-update", "rauc-hawkbit-updater", "unattended-upgrade", "unattended-upgrades",
        "update_engine", "update_engine_client", "opkg",
    ];

    private static readonly string[] Fetchers = ["wget", "curl", "tftp", "ftpget", "uclient-fetch", "atftp", "tftp-hpa", "lftp"];
    private static readonly string[] Flashers = ["flashcp", "nandwrite", "fw_setenv", "flash_erase", "ubiupdatevol"];
    private static readonly string[] Verifiers = ["gpgv", "usign", "signify", "minisign", "ucert"];
    private static readonly string[] Digests = ["md5sum", "sha1sum", "sha256sum", "sha512sum", "cksum", "crc32"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var candidates = Folders.SelectMany(d => context.FilesIn(d)).Where(IsUpdaterName).Take(MaxScripts * 4);
        var found = 0;
        foreach (var path in candidates)
        {
            if (found == MaxScripts || context.Text(path) is not { } file)
            {
                continue;
            }

            var lines = file.Lines.Select((line, i) => (Words: ShellWords.Split(line), Text: line.Trim(), Location: file.At(i)))
                .Where(l => l.Text.Length > 0 && !ShellWords.IsComment(l.Text)).ToList();
            if (!lines.Any(l => l.Words.Any(w => Fetchers.Any(f => ShellWords.IsProgram(w, f))) || Flashes(l.Words)))
            {
                continue;
            }

            found++;
            var verify = lines.FirstOrDefault(l => Verifies(l.Words));
            var digest = lines.FirstOrDefault(l => l.Words.Any(w => Digests.Any(d => ShellWords.IsProgram(w, d))));
            var fileName = path[(path.LastIndexOf('/') + 1)..];
            var runs = context.Automation.Find(e => e.IsPeriodic && e.Command.Contains(fileName, StringComparison.Ordinal));
            yield return new UpdateFrameworkFinding
            {
                Name = UpdateFrameworkNames.CustomScript,
                Evidence = [path],
                SignatureEnforcement = verify.Text is not null
                    ? EnforcementVerdict.Unknown($"a verification command is run ({verify.Location}: {verify.Text}); whether a failed check stops the installation needs a reader")
                    : digest.Text is not null
                        ? EnforcementVerdict.NotEnforced($"only a digest is checked ({digest.Location}: {digest.Text}): a digest fetched with the image authenticates nothing")
                        : EnforcementVerdict.NotEnforced("the script downloads or flashes an image without any signature verification command"),
                TrustedKeysPresent = verify.Text is null ? false : null,
                DowngradeProtection = EnforcementVerdict.Unknown("version handling in a script is not judged"),
                Redundancy = PresenceVerdict.Unknown("the flash layout a script writes to is not judged"),
                AutomaticChecks = runs.Count > 0
                    ? PresenceVerdict.Present(runs[0].Describe())
                    : PresenceVerdict.Absent($"no timer or cron job runs {fileName}"),
                Facts = [new InspectionFact("script", path)],
            };
        }
    }

    private static bool IsUpdaterName(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToUpperInvariant();
        var bare = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
        if (NotFirmware.Any(n => n.Equals(bare, StringComparison.OrdinalIgnoreCase) || n.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return NameHints.Any(h => h == "ota"
            ? bare == "OTA" || bare.StartsWith("OTA", StringComparison.Ordinal) || bare.Contains("_OTA", StringComparison.Ordinal) || bare.Contains("-OTA", StringComparison.Ordinal)
            : name.Contains(h.ToUpperInvariant(), StringComparison.Ordinal));
    }

    private static bool Flashes(IReadOnlyList<string> words) =>
        words.Any(w => Flashers.Any(f => ShellWords.IsProgram(w, f)))
        || (words.Any(w => ShellWords.IsProgram(w, "mtd")) && words.Contains("write", StringComparer.Ordinal))
        || (words.Any(w => ShellWords.IsProgram(w, "dd")) && words.Any(w => w.StartsWith("of=/dev/mtd", StringComparison.Ordinal) || w.StartsWith("of=/dev/mmcblk", StringComparison.Ordinal)));

    private static bool Verifies(IReadOnlyList<string> words) =>
        words.Any(w => Verifiers.Any(v => ShellWords.IsProgram(w, v)))
        || (words.Any(w => ShellWords.IsProgram(w, "openssl")) && words.Any(w => w is "-verify" or "-signature" or "-prverify"))
        || (words.Any(w => ShellWords.IsProgram(w, "gpg") || ShellWords.IsProgram(w, "gpg2")) && words.Contains("--verify", StringComparer.Ordinal));
}
