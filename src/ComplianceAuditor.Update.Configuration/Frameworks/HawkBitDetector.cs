using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// rauc-hawkbit-updater, the hawkBit DDI client that feeds RAUC: <c>[client] hawkbit_server</c>, <c>ssl</c>
/// (plain HTTP when false) and <c>ssl_verify</c> (certificate not checked when false). It polls by design; the
/// bundles it fetches are verified by RAUC, so its signature verdict is RAUC's (set by the scan).
/// </summary>
internal sealed class HawkBitDetector : IFrameworkDetector
{
    private static readonly string[] Configs = ["/etc/rauc-hawkbit-updater/config.conf", "/etc/rauc-hawkbit/config.conf"];
    private static readonly string[] Binaries = ["/usr/bin/rauc-hawkbit-updater", "/usr/sbin/rauc-hawkbit-updater"];

    public IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context)
    {
        var evidence = Configs.Concat(Binaries).Where(context.Exists).ToList();
        if (evidence.Count == 0)
        {
            yield break;
        }

        var issues = new List<TransportIssue>();
        var facts = new List<InspectionFact>();
        foreach (var path in Configs.Where(context.Exists))
        {
            if (context.Parse(path) is not { } file)
            {
                continue;
            }

            var ini = IniReader.Read(file);
            var server = IniReader.Find(ini, "client", "hawkbit_server");
            var ssl = IniReader.Find(ini, "client", "ssl");
            var verify = IniReader.Find(ini, "client", "ssl_verify");
            if (server is not null)
            {
                facts.Add(new InspectionFact("hawkBit server", server.Value));
            }

            // Both default to true in rauc-hawkbit-updater; only an explicit false is an issue.
            if (IniReader.IsFalse(ssl?.Value))
            {
                issues.Add(TransportScanner.Issue(TransportIssueKind.PlainHttp, new FileLocation(path, ssl!.Line),
                    $"ssl = {ssl.Value} (hawkbit_server = {server?.Value})"));
            }
            else if (IniReader.IsFalse(verify?.Value))
            {
                issues.Add(TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, new FileLocation(path, verify!.Line), $"ssl_verify = {verify.Value}"));
            }
        }

        yield return new UpdateFrameworkFinding
        {
            Name = UpdateFrameworkNames.HawkBit,
            Evidence = [.. evidence.Order(StringComparer.Ordinal)],
            SignatureEnforcement = EnforcementVerdict.Unknown("rauc-hawkbit-updater hands bundles to RAUC, which verifies them; RAUC's configuration is not in the file system"),
            DowngradeProtection = EnforcementVerdict.Unknown("the hawkBit server decides what to deploy; RAUC's min-bundle-version decides what is refused"),
            TransportIssues = issues,
            Redundancy = PresenceVerdict.Unknown("slots are RAUC's concern; see the RAUC finding"),
            AutomaticChecks = PresenceVerdict.Present("rauc-hawkbit-updater polls the hawkBit server for deployments"),
            Facts = facts,
        };
    }
}
