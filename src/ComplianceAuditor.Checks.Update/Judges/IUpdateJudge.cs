using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>One question asked of an update image (a <c>find</c> value of the <c>update-image</c> check).</summary>
internal interface IUpdateJudge
{
    CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors);
}
