using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>unauthenticated-format</c>: an image in a format that cannot be authenticated at all (legacy uImage with its
/// CRC, Matter OTA with its digest) is accepted by whatever loads it unless something outside the format checks it.
/// </summary>
internal sealed class UnauthenticatedFormatJudge : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors) => inspection.Authentication switch
    {
        AuthenticationSupport.None => UpdateEvidence.Fail(inspection,
            $"the {inspection.Format} format can only carry {inspection.Integrity?.Kind ?? "an integrity check"}, which anyone who changes the image can recompute; it cannot be authenticated",
            "format:" + inspection.Format),
        AuthenticationSupport.NotAnImage => CheckOutcome.NotApplicable($"the {inspection.Format} is layout data, not an installable image"),
        _ => CheckOutcome.Pass($"the {inspection.Format} format can carry a signature"),
    };
}
