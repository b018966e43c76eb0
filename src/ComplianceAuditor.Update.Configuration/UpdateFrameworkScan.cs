using ComplianceAuditor.Update.Configuration.Frameworks;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration;

/// <summary>
/// Finds the update mechanisms of a Linux-class root file system (SWUpdate, RAUC, hawkBit client, Mender, OSTree,
/// fwupd, opkg, apt, OpenWrt sysupgrade, Android update_engine, aktualizr, vendor scripts) and judges their
/// configuration: signature enforcement, trusted keys, downgrade protection, transport, redundancy and automatic
/// checks. Then every text file under <c>/etc</c> and every file a mechanism owns is swept for insecure download
/// settings (<c>curl -k</c>, <c>--no-check-certificate</c>, <c>nocheckcert</c>, <c>SkipVerify</c>, <c>ftp://</c>,
/// <c>tftp://</c>; <c>http://</c> only in files of a mechanism). Reads are bounded (1 MiB a file, 96 MiB a scan).
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>trusted-key-is-published-test-key</c>: a trusted key or keyring certificate is a published test key.</item>
/// <item><c>trusted-key-file-missing</c>: the configuration names a key file the file system does not hold.</item>
/// <item><c>rauc-plain-bundles-allowed</c>: RAUC accepts plain bundles (bundle-formats unset or listing plain).</item>
/// <item><c>rauc-allow-partial-chain</c>: intermediate certificates in the RAUC keyring are trust anchors.</item>
/// <item><c>rauc-crl-not-checked</c>: RAUC does not check certificate revocation (check-crl not true).</item>
/// <item><c>rauc-signing-time-used</c>: RAUC validates certificates at the bundle's signing time.</item>
/// <item><c>rauc-any-certificate-purpose</c>: RAUC accepts signing certificates of any purpose.</item>
/// <item><c>rauc-no-keyring</c>: system.conf has no [keyring].</item>
/// <item><c>ostree-summary-unverified</c>: an OSTree remote verifies commits but not the summary.</item>
/// <item><c>opkg-no-feed-keys</c>: opkg checks signatures but holds no usign key.</item>
/// <item><c>apt-check-valid-until-off</c>: apt accepts expired Release files (replay).</item>
/// <item><c>openwrt-unsigned-packages</c>, <c>openwrt-signing-tool-missing</c>, <c>openwrt-sysupgrade-image-unsigned</c>: from an OpenWrt build tree's .config
/// (see <see cref="BuildConfigs.OpenWrtBuildConfig"/>).</item>
/// </list>
/// </remarks>
public static class UpdateFrameworkScan
{
    /// <summary>More files than the sweep for insecure settings reads; configuration folders hold far fewer.</summary>
    private const int MaxSweptFiles = 20_000;

    /// <summary>All mechanisms found (empty when none), the unattributed transport issues, and what limited the scan.</summary>
    public static UpdateScanResult Scan(IFileView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = new ScanContext(view);
        IFrameworkDetector[] detectors =
        [
            new SwUpdateDetector(), new RaucDetector(), new HawkBitDetector(), new MenderDetector(), new OstreeDetector(),
            new FwupdDetector(), new OpkgDetector(), new AptDetector(), new SysupgradeDetector(), new NamedUpdaterDetector(),
            new CustomScriptDetector(),
        ];
        var findings = LinkHawkBitToRauc(detectors.SelectMany(d => d.Detect(context)).ToList());

        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            foreach (var path in findings[i].Evidence)
            {
                owners.TryAdd(path, i);
            }
        }

        var extra = findings.Select(_ => new List<TransportIssue>()).ToList();
        var other = new List<TransportIssue>();
        var swept = owners.Keys.Concat(context.Under("/etc")).Where(p => !context.ParsedFiles.Contains(p))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxSweptFiles);
        foreach (var path in swept)
        {
            if (context.Text(path) is not { } file)
            {
                continue;
            }

            var owned = owners.TryGetValue(path, out var owner);
            var issues = TransportScanner.Scan(file, includePlainHttp: owned);
            (owned ? extra[owner] : other).AddRange(issues);
        }

        var judged = findings.Select((f, i) => f with
        {
            TransportIssues = [.. TransportScanner.Distinct(f.TransportIssues.Concat(extra[i]))
                .Select(t => t.PayloadSignatures == Enforcement.Unknown ? t with { PayloadSignatures = f.SignatureEnforcement.State } : t)
                .OrderBy(t => t.Location.Path, StringComparer.Ordinal).ThenBy(t => t.Location.Line).ThenBy(t => t.Kind)],
        }).ToList();
        return new UpdateScanResult(judged, TransportScanner.Distinct(other), [.. context.Problems]);
    }

    /// <summary>rauc-hawkbit-updater only fetches: what RAUC enforces is what the hawkBit path enforces.</summary>
    private static List<UpdateFrameworkFinding> LinkHawkBitToRauc(List<UpdateFrameworkFinding> findings)
    {
        if (findings.FirstOrDefault(f => f.Name == UpdateFrameworkNames.Rauc) is not { } rauc
            || findings.FirstOrDefault(f => f.Name == UpdateFrameworkNames.HawkBit) is not { } hawkbit)
        {
            return findings;
        }

        return [.. findings.Select(f => f.Name == UpdateFrameworkNames.Rauc && f.AutomaticChecks.State != Presence.Present
            ? f with { AutomaticChecks = PresenceVerdict.Present($"rauc-hawkbit-updater ({hawkbit.Evidence[0]}) polls a hawkBit server and installs through RAUC") }
            : f.Name != UpdateFrameworkNames.HawkBit ? f : f with
        {
            SignatureEnforcement = rauc.SignatureEnforcement with { Reason = "bundles are installed by RAUC: " + rauc.SignatureEnforcement.Reason },
            TrustedKeysPresent = rauc.TrustedKeysPresent,
            TrustedKeyPaths = rauc.TrustedKeyPaths,
            DowngradeProtection = rauc.DowngradeProtection with { Reason = "bundles are installed by RAUC: " + rauc.DowngradeProtection.Reason },
            Redundancy = rauc.Redundancy,
        })];
    }
}
