using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Ci;
using static ComplianceAuditor.Checks.Repository.Evidence.Findings;

namespace ComplianceAuditor.Checks.Repository.Practices;

/// <summary>
/// <c>repo-signing-key-custody</c>: no release signing step reads its private key from a file committed in the repository.
/// Keys in an HSM, a KMS or a PKCS#11 token pass, and so do key files that are not in the tree (written from a CI secret
/// at build time). Not applicable when no signing step was found (<c>repo-release-signing</c> reports that).
/// </summary>
internal sealed class SigningKeyCustodyCheck() : RepositoryCheck("repo-signing-key-custody", "signing steps in CI workflows and release scripts, and the key files they name")
{
    public override CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken)
    {
        var practices = evidence.Practices(cancellationToken);
        var custody = evidence.KeyCustody(cancellationToken);
        if (custody.Value.Count == 0)
        {
            return evidence.NotFound("no release signing step was found in CI or release scripts, so no key to keep", practices.Blocking, Outcome.NotApplicable);
        }

        var committed = custody.Value.Where(c => c.Kind == KeyCustodyKind.Committed).ToList();
        if (committed.Count > 0)
        {
            return CheckOutcome.Fail(
                $"release signing reads a private key committed in the repository: {List(committed.Select(c => $"{Name(c.KeyPath!)} ({c.Step.Tool} at {At(c.Step.Evidence)}): {c.Detail}"), 2)}",
                [.. committed.Take(MaxEvidence / 2).SelectMany(c => new[]
                {
                    evidence.Item(c.Step.Evidence, $"{c.Step.Tool} signs with {DisplayText.Sanitize(c.Step.KeyFile ?? "", 120)}"),
                    evidence.File(c.KeyPath!, c.Detail),
                })],
                string.Join('\n', committed.Select(c => c.KeyPath).Distinct(StringComparer.Ordinal)));
        }

        var steps = custody.Value.Select(c => $"{c.Step.Tool} at {At(c.Step.Evidence)}: {c.Detail}").ToList();
        var items = custody.Value.Take(MaxEvidence).Select(c => evidence.Item(c.Step.Evidence, c.Detail)).ToList();
        var unreadable = custody.Value.Where(c => c.Kind == KeyCustodyKind.CommittedUnreadable).ToList();
        if (unreadable.Count > 0)
        {
            return CheckOutcome.Inconclusive($"the signing key file {List(unreadable.Select(c => Name(c.KeyPath!)))} is in the repository but could not be read to tell whether it is a private key");
        }

        // A key path that is not in the listed tree may still be in the part that was not listed.
        if (!evidence.Inventory.TreeComplete && custody.Value.Any(c => c.Kind == KeyCustodyKind.OutsideTree && c.Step.KeyFile is not null))
        {
            return CheckOutcome.Inconclusive(
                $"no named key file is among the files that were read ({List(steps, 2)}), but part of the target was not read ({evidence.Inventory.FirstNote})");
        }

        return CheckOutcome.Pass($"no signing key is committed: {List(steps, 3)}", items);
    }
}
