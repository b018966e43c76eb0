using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>An inspection with the images inside it (FIT sub-images, bundle slots) folded in, as the judges see it.</summary>
internal static class UpdateImageView
{
    public static IEnumerable<UpdateInspection> Self(this UpdateInspection inspection) =>
        inspection.Parts.SelectMany(Self).Prepend(inspection);

    public static IReadOnlyList<SignatureFinding> AllSignatures(this UpdateInspection inspection) =>
        [.. inspection.Self().SelectMany(i => i.Signatures)];

    public static IReadOnlyList<UpdateWeakness> AllWeaknesses(this UpdateInspection inspection) =>
        [.. inspection.Self().SelectMany(i => i.Weaknesses)];
}
