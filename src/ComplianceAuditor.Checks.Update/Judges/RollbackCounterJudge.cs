using System.Globalization;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>no-rollback-counter</c>: an image whose format has an anti-rollback field (MCUboot SEC_CNT, ESP-IDF
/// secure_version, SUIT sequence number, AVB rollback index) must fill it, or the device cannot refuse an older,
/// vulnerable image signed with the same key. Formats without such a field are judged on their updater's
/// configuration instead.
/// </summary>
internal sealed class RollbackCounterJudge : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (inspection.Authentication == AuthenticationSupport.NotAnImage)
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} is layout data, not an installable image");
        }

        if (inspection.Rollback is { } rollback)
        {
            return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"{inspection.Format}: {rollback.Name} {rollback.Value} ({rollback.Location})"));
        }

        return inspection.RollbackSupported
            ? UpdateEvidence.Fail(inspection, $"the {inspection.Format} carries no anti-rollback value, so a device cannot refuse an older image signed with the same key", "no-counter")
            : CheckOutcome.NotApplicable($"the {inspection.Format} format has no anti-rollback field; downgrade protection has to come from the updater's configuration");
    }
}
