using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Configuration;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// <c>insecure-transport</c>: an update source over plain HTTP, FTP or TFTP, or TLS with verification off, where the
/// payload is not signature-checked either. <c>plaintext-transport</c>: any such setting, signed payload or not (it
/// still leaks what is installed and lets anyone block updates).
/// </summary>
internal sealed class TransportJudge(bool includeSignedPayloads) : IFrameworkJudge
{
    public CheckOutcome Judge(FrameworkScan scan)
    {
        var issues = scan.TransportIssues
            .Where(i => includeSignedPayloads || i.Issue.Severity == TransportSeverity.Failure)
            .OrderBy(i => i.Issue.Location.ToString(), StringComparer.Ordinal)
            .ToList();
        if (issues.Count == 0)
        {
            var mechanisms = scan.Findings.Count();
            return mechanisms == 0 && !scan.TransportIssues.Any()
                ? CheckOutcome.NotApplicable("no update mechanism or download setting was found")
                : CheckOutcome.Pass(includeSignedPayloads
                    ? "no update source over plain HTTP, FTP or TFTP, and no TLS verification switched off"
                    : "no unauthenticated update channel carries unsigned images");
        }

        return CheckOutcome.Fail(
            string.Join("; ", issues.Take(5).Select(i => $"{Describe(i.Issue.Kind)} at {i.Issue.Location}: {i.Issue.Setting}")) + (issues.Count > 5 ? "; and more" : string.Empty),
            [.. issues.Take(20).Select(i => FrameworkScan.File(i.View, i.Issue.Location.Path, $"{Describe(i.Issue.Kind)}; payload signatures: {i.Issue.PayloadSignatures}", i.Issue.Location.Line, i.Issue.Setting))],
            string.Join('\n', issues.Select(i => $"{i.Issue.Location}:{i.Issue.Setting}")));
    }

    private static string Describe(TransportIssueKind kind) => kind switch
    {
        TransportIssueKind.TlsVerificationDisabled => "TLS certificate verification switched off",
        TransportIssueKind.TlsHostnameCheckDisabled => "TLS host name check switched off",
        TransportIssueKind.PlainHttp => "update source over plain HTTP",
        TransportIssueKind.PlainFtp => "update source over FTP",
        _ => "update source over TFTP",
    };
}
