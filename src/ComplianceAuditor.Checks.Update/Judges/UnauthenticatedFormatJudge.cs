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
    public string Find => "unauthenticated-format";

    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors) => inspection.Authentication switch
    {
        AuthenticationSupport.None => UpdateEvidence.Fail(inspection,
            $"a {inspection.Format} can only carry {inspection.Integrity?.Kind ?? "an integrity check"}, which anyone who changes it can recompute; the format cannot be authenticated",
            "format:" + inspection.Format),
        AuthenticationSupport.NotAnImage => CheckOutcome.NotApplicable($"a {inspection.Format} is not an installable image"),
        _ => CheckOutcome.Pass($"a {inspection.Format} can carry a signature"),
    };
}
