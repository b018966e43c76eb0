using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>weakness</c>: fails when the image (or an image inside it) shows one of the weaknesses the rule's
/// <c>weaknesses</c> parameter names. The rule's <c>formats</c> parameter names the formats that can show it; other formats
/// are not applicable rather than passing, so a pass always means the question was asked; with
/// <c>needsRollbackField</c>, so are images without an anti-rollback field.
/// </summary>
internal sealed class WeaknessJudge(IReadOnlyCollection<string> codes, IReadOnlyCollection<string> formats, bool needsRollbackField) : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        if (formats.Count > 0 && !formats.Contains(inspection.Format, StringComparer.Ordinal))
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} format cannot show {Names}");
        }

        // Weaknesses of an anti-rollback value mean nothing for an image without one (an ESP-IDF bootloader).
        if (needsRollbackField && !inspection.RollbackSupported)
        {
            return CheckOutcome.NotApplicable($"this {inspection.Format} has no anti-rollback field");
        }

        var found = inspection.AllWeaknesses().Where(w => codes.Contains(w.Code, StringComparer.Ordinal)).ToList();
        if (found.Count == 0)
        {
            return CheckOutcome.Pass($"the {inspection.Format} shows none of {Names}");
        }

        return CheckOutcome.Fail(
            string.Join("; ", found.Select(w => w.Description).Distinct(StringComparer.Ordinal)),
            [.. found.Select(w => UpdateEvidence.Describe(inspection, w.Description))],
            string.Join('\n', found.Select(w => $"{w.Code}: {w.Description}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
    }

    private string Names => string.Join(", ", codes.Select(c => $"'{c}'"));
}
