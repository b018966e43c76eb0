using System.Globalization;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>manifest-size</c>: the IETF architecture asks that everything a device needs to decide on an update fits in its
/// RAM (REQ-5), so deciding does not wear flash. The decision data (manifest, or header and signature area) is
/// compared with the RAM size the manufacturer declares (<c>--device-ram</c>); without one there is nothing to
/// compare, and the outcome says how to give it.
/// </summary>
internal sealed class ManifestSizeJudge(long? deviceRam) : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (inspection.ManifestBytes is not { } size)
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} keeps no manifest apart from its payload");
        }

        if (deviceRam is not { } ram)
        {
            return CheckOutcome.NotApplicable(string.Create(CultureInfo.InvariantCulture,
                $"the {inspection.Format}'s decision data is {size} bytes; give the device's RAM with --device-ram to compare"));
        }

        return size <= ram
            ? CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"the {inspection.Format}'s decision data ({size} bytes) fits in the declared {ram} bytes of RAM"))
            : UpdateEvidence.Fail(inspection,
                string.Create(CultureInfo.InvariantCulture, $"the {inspection.Format}'s decision data is {size} bytes, more than the declared {ram} bytes of RAM"),
                string.Create(CultureInfo.InvariantCulture, $"manifest:{size}>{ram}"));
    }
}
