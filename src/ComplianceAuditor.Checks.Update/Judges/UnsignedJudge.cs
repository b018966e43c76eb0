using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>unsigned</c>: the image must carry a signature or MAC, none of them known to be broken. An image with none
/// installs for anyone; one with an invalid signature was changed after signing. A signature whose key is not at hand passes here; the
/// <c>untrusted</c> judge asks who signed.
/// </summary>
internal sealed class UnsignedJudge : IUpdateJudge
{
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

        // One broken signature is enough: the signed bytes were changed (a FIT configuration, one of several blocks),
        // and a verifier that requires that signature refuses the image while one that does not is fooled.
        if (signatures.FirstOrDefault(s => s.Status == SignatureStatus.Invalid) is { } invalid)
        {
            return UpdateEvidence.Fail(inspection, signatures.All(s => s.Status == SignatureStatus.Invalid)
                ? $"every signature of the {inspection.Format} is invalid: {invalid.Reason}"
                : $"a signature of the {inspection.Format} is invalid: {invalid.Reason}", "invalid");
        }

        return CheckOutcome.Pass($"{inspection.Format}: {signatures[0].Reason}", [UpdateEvidence.Describe(inspection, "signatures found")]);
    }
}
