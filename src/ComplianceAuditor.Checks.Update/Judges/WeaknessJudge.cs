using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>weakness</c>: fails when the image (or an image inside it) shows the weakness named by the rule's
/// <c>weakness</c> parameter. The rule's <c>formats</c> parameter names the formats that can show it; other formats
/// are not applicable rather than passing, so a pass always means the question was asked.
/// </summary>
internal sealed class WeaknessJudge(string code, IReadOnlyCollection<string> formats) : IUpdateJudge
{
    public string Find => "weakness";

    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (formats.Count > 0 && !formats.Contains(inspection.Format, StringComparer.Ordinal))
        {
            return CheckOutcome.NotApplicable($"a {inspection.Format} cannot show '{code}'");
        }

        var found = inspection.AllWeaknesses().Where(w => w.Code == code).ToList();
        if (found.Count == 0)
        {
            return CheckOutcome.Pass($"the {inspection.Format} does not show '{code}'");
        }

        return CheckOutcome.Fail(
            string.Join("; ", found.Select(w => w.Description).Distinct(StringComparer.Ordinal)),
            [.. found.Select(w => UpdateEvidence.Describe(inspection, w.Description))],
            code + ":" + string.Join('\n', found.Select(w => w.Description).Order(StringComparer.Ordinal)));
    }
}
