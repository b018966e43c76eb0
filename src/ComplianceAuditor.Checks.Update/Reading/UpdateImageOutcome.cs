using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Reading;

/// <summary>
/// The common start of every rule on an update image: read the artifact once per audit (shared through the scratch,
/// with the same trust anchors for every rule), turn unreadable files into inconclusive, other files into not
/// applicable, and damaged images into inconclusive with the defect named; only a sound image reaches the judge.
/// </summary>
internal static class UpdateImageOutcome
{
    public static CheckOutcome Evaluate(CheckContext context, IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors, Func<UpdateInspection, CheckOutcome> judge)
    {
        var reading = context.Scratch.GetOrAdd("update-image", () => UpdateImageReader.Read(context.Artifact, formats, anchors));
        if (reading.Error is { } error)
        {
            return CheckOutcome.Inconclusive(error);
        }

        if (reading.Inspection is not { } inspection)
        {
            return CheckOutcome.NotApplicable("not an update or boot image of a known format");
        }

        // A damaged image may have lost its signature or counter: no verdict either way, the defect named.
        return inspection.Problem is { } problem
            ? CheckOutcome.Inconclusive($"{inspection.Format}: {problem}")
            : judge(inspection);
    }
}
