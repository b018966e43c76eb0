using System.Globalization;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>multiple-signers</c>: the IETF architecture's "multiple permissions" (REQ-9): an image valid only with the
/// signatures of several parties (author and operator). Two or more distinct valid signers show it; a single signer
/// shows only that this image does not use it, not that the device cannot require more, so it is inconclusive and
/// the declaration decides.
/// </summary>
internal sealed class SignersJudge : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        var signatures = inspection.AllSignatures();
        var signers = signatures.Where(s => s.IsValid).Select(s => s.KeyId ?? s.Algorithm).Distinct(StringComparer.Ordinal).ToList();
        return UpdateInspection.CountSigners(signatures) switch
        {
            0 => CheckOutcome.NotApplicable($"the {inspection.Format} carries no valid signature to count signers on"),
            1 => CheckOutcome.Inconclusive($"the {inspection.Format} is signed by one party ({signers[0]}); whether the device can require several is a question for the manufacturer"),
            _ => CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"the {inspection.Format} carries valid signatures by {signers.Count} distinct keys: {string.Join(", ", signers)}"),
                [UpdateEvidence.Describe(inspection, "signatures by several keys")]),
        };
    }
}
