using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Disclosure;

/// <summary>
/// <c>repo-disclosure-contact</c>: the disclosure policy (SECURITY.md) or an RFC 9116 security.txt gives a way to report a
/// vulnerability: an e-mail address, a reporting link or GitHub's private reporting form, or a valid Contact field.
/// </summary>
internal sealed class DisclosureContactCheck() : RepositoryCheck("repo-disclosure-contact", "SECURITY.md (root, .github/, docs/) and security.txt")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var policy = evidence.Policy(cancellationToken);
        var txt = evidence.SecurityTxt(cancellationToken);
        var contacts = policy.Value.Contacts.Select(c => (Line: c, From: "a way to report a vulnerability in the disclosure policy")).ToList();
        if (txt.Value is { Path: { } txtPath } document)
        {
            var invalid = document.Problems.Where(p => p.Kind == SecurityTxtProblemKind.InvalidContact).Select(p => p.Line).ToHashSet();
            contacts.AddRange(document.Contacts.Where(c => !invalid.Contains(c.Line))
                .Select(c => (new EvidenceLine(txtPath, c.Line, $"Contact: {c.Value}"), "a Contact field of security.txt")));
        }

        if (contacts.Count > 0)
        {
            return CheckOutcome.Pass(
                $"reporting contact given at {List(contacts.Select(c => At(c.Line)))}",
                [.. contacts.Take(MaxEvidence).Select(c => evidence.Item(c.Line, c.From))]);
        }

        var problems = policy.Problems.Concat(txt.Problems).ToList();
        var found = new List<string>();
        var items = new List<EvidenceItem>();
        if (policy.Value.Path is { } policyPath)
        {
            found.Add($"{Name(policyPath)} gives no e-mail address, reporting link or advisory form");
            items.Add(evidence.File(policyPath, "a disclosure policy without a reporting contact"));
        }

        if (txt.Value?.Path is { } path)
        {
            found.Add($"{Name(path)} has no valid Contact field (a mailto:, https: or tel: URI)");
            items.Add(evidence.File(path, "a security.txt without a valid Contact field"));
        }

        return found.Count > 0
            ? FailUnlessUnread(string.Join("; ", found), problems, items, "no-contact")
            : evidence.NotFound("no SECURITY.md and no security.txt names a way to report a vulnerability", problems);
    }
}
