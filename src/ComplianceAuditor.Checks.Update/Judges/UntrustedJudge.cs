using System.Globalization;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>untrusted</c>: with the device's keys given (<c>--public-key</c>), some signature must verify with one of them.
/// Without them there is nothing to decide, and the outcome says how to give them.
/// </summary>
internal sealed class UntrustedJudge : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (anchors.IsEmpty)
        {
            return CheckOutcome.NotApplicable("no trusted key was given: pass the device's update key with --public-key to check who signed the image");
        }

        if (inspection.Authentication != AuthenticationSupport.Optional)
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} format cannot carry a signature");
        }

        var signatures = inspection.AllSignatures();
        if (signatures.FirstOrDefault(s => s.Status == SignatureStatus.VerifiedTrusted) is { } trusted)
        {
            return CheckOutcome.Pass(trusted.Reason);
        }

        var reason = signatures.Count == 0
            ? $"the {inspection.Format} is not signed, so none of the trusted keys can vouch for it"
            : signatures.FirstOrDefault(s => s.TrustedKey is not null) is { } byTestAnchor
            ? $"the trusted key that verifies the {inspection.Format} is a published test key: {byTestAnchor.Reason}"
            : string.Create(CultureInfo.InvariantCulture, $"no signature of the {inspection.Format} verifies with the {anchors.Keys.Count} trusted key(s): {signatures[0].Reason}");
        return UpdateEvidence.Fail(inspection, reason, "untrusted");
    }
}
