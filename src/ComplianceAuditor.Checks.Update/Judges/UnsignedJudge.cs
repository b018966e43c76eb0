using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>unsigned</c>: the image must carry a signature or MAC that is not known to be broken. An image with none, or
/// whose every signature is invalid, installs for anyone. A signature whose key is not at hand passes here; the
/// <c>untrusted</c> judge asks who signed.
/// </summary>
internal sealed class UnsignedJudge : IUpdateJudge
{
    public string Find => "unsigned";

    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (inspection.Authentication != AuthenticationSupport.Optional)
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} format cannot carry a signature; the rule on unauthenticated formats covers it");
        }

        var signatures = inspection.AllSignatures();
        if (signatures.Count == 0)
        {
            var integrity = inspection.Integrity is { } check ? $"; only a {check.Kind} protects it, which anyone can recompute" : string.Empty;
            return UpdateEvidence.Fail(inspection, $"the {inspection.Format} carries no signature{integrity}", "unsigned");
        }

        if (signatures.All(s => s.Status == SignatureStatus.Invalid))
        {
            return UpdateEvidence.Fail(inspection, $"every signature of the {inspection.Format} is invalid: {signatures[0].Reason}", "invalid");
        }

        var best = signatures.OrderBy(s => s.Status == SignatureStatus.Invalid).First();
        return CheckOutcome.Pass($"{inspection.Format}: {best.Reason}", [UpdateEvidence.Describe(inspection, "signatures found")]);
    }
}
