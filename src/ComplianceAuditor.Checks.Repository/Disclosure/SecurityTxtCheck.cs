using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Disclosure;

/// <summary>
/// <c>repo-security-txt</c>: a security.txt in the repository conforms to RFC 9116: at least one Contact URI, exactly one
/// valid Expires date that has not passed at the audit's reference time, https for web links, no malformed lines. Not
/// applicable when the repository has none (a SECURITY.md serves the same purpose and another rule asks for one of them).
/// </summary>
internal sealed class SecurityTxtCheck() : RepositoryCheck("repo-security-txt", ".well-known/security.txt, security.txt, and .well-known/security.txt in any folder")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var scanned = evidence.SecurityTxt(cancellationToken);
        if (scanned.Value is not { Path: { } path } document)
        {
            return evidence.NotFound("the repository has no security.txt", scanned.Problems, Outcome.NotApplicable);
        }

        var errors = document.Problems.Where(p => p.IsError).ToList();
        if (errors.Count > 0)
        {
            return CheckOutcome.Fail(
                $"{Name(path)} does not conform to RFC 9116: {List(errors.Select(Describe), 4)}",
                [.. errors.Take(MaxEvidence).Select(e => evidence.Item(new EvidenceLine(path, e.Line, e.Detail), Describe(e)))],
                string.Join('\n', errors.Select(e => $"{e.Kind}:{e.Line}")));
        }

        var notes = document.Problems.Where(p => !p.IsError).Select(Describe).Distinct(StringComparer.Ordinal).ToList();
        if (document.IsSigned)
        {
            notes.Add("it is PGP-signed (the signature was not verified)");
        }

        var expires = document.Expires is { } when ? Date(DateOnly.FromDateTime(when.UtcDateTime)) : "?";
        var contactLines = document.Contacts.Select(c => new EvidenceLine(path, c.Line, $"Contact: {c.Value}")).ToList();
        return CheckOutcome.Pass(
            $"{Name(path)} conforms: {contactLines.Count} Contact field(s), expires {expires}" + (notes.Count > 0 ? $"; {List(notes, 4)}" : ""),
            [.. contactLines.Take(MaxEvidence).Select(c => evidence.Item(c, "a Contact field"))]);
    }

    private static string Describe(SecurityTxtProblem problem)
    {
        var at = problem.Line > 0 ? $" (line {problem.Line})" : "";
        var detail = DisplayText.Sanitize(problem.Detail, 80);
        return problem.Kind switch
        {
            SecurityTxtProblemKind.MissingContact => "no Contact field",
            SecurityTxtProblemKind.InvalidContact => $"Contact '{detail}' is not a mailto:, https: or tel: URI{at}",
            SecurityTxtProblemKind.InsecureUri => $"'{detail}' uses http: where https: is required{at}",
            SecurityTxtProblemKind.MissingExpires => "no Expires field",
            SecurityTxtProblemKind.DuplicateExpires => $"more than one Expires field{at}",
            SecurityTxtProblemKind.InvalidExpires => $"Expires '{detail}' is not an RFC 3339 date and time{at}",
            SecurityTxtProblemKind.Expired => $"it expired on {detail}{at}",
            SecurityTxtProblemKind.ExpiresTooFarAhead => $"Expires is more than a year ahead, which the RFC advises against{at}",
            SecurityTxtProblemKind.UnknownField => $"field '{detail}' is not defined by the RFC{at}",
            SecurityTxtProblemKind.MalformedLine => $"a line is neither a field nor a comment{at}",
            _ => $"the PGP signature block is incomplete{at}",
        };
    }
}
