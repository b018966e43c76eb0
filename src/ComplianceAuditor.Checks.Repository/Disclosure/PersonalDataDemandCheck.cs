using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Disclosure;

/// <summary>
/// <c>repo-disclosure-personal-data</c>: the disclosure policy does not require reporters to give their legal name, phone
/// number, address or identity documents, which deters reporting. Not applicable without a policy (another rule asks for one).
/// </summary>
internal sealed class PersonalDataDemandCheck() : RepositoryCheck("repo-disclosure-personal-data", "SECURITY.md (root, .github/, docs/)")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var policy = evidence.Policy(cancellationToken);
        if (policy.Value.Path is not { } path)
        {
            return evidence.NotFound("there is no SECURITY.md to require anything of reporters", policy.Problems, Outcome.NotApplicable);
        }

        var demands = policy.Value.PersonalDataDemands;
        if (demands.Count > 0)
        {
            return CheckOutcome.Fail(
                $"{Name(path)} requires reporters' personal data at {List(demands.Select(At))}",
                [.. demands.Take(MaxEvidence).Select(d => evidence.Item(d, "a demand for the reporter's personal data"))],
                string.Join('\n', demands.Select(d => d.Excerpt)));
        }

        return policy.Problems.Count > 0
            ? CheckOutcome.Inconclusive($"the part of {Name(path)} that was read asks for no personal data, but {List(policy.Problems.Select(p => p.Describe()))}")
            : CheckOutcome.Pass($"{Name(path)} does not require a name, phone number, address or identity document", [evidence.File(path, "the disclosure policy")]);
    }
}
