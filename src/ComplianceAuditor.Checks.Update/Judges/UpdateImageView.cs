using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>An inspection with the images inside it (FIT sub-images, bundle slots) folded in, as the judges see it.</summary>
internal static class UpdateImageView
{
    /// <summary>The image and every image inside it, depth first.</summary>
    public static IEnumerable<UpdateInspection> WithParts(this UpdateInspection inspection) =>
        inspection.Parts.SelectMany(WithParts).Prepend(inspection);

    /// <summary>Every signature of the image and its parts, each once (FIT repeats its images' signatures at the top).</summary>
    public static IReadOnlyList<SignatureFinding> AllSignatures(this UpdateInspection inspection) =>
        [.. inspection.WithParts().SelectMany(i => i.Signatures).Distinct()];

    public static IReadOnlyList<UpdateWeakness> AllWeaknesses(this UpdateInspection inspection) =>
        [.. inspection.WithParts().SelectMany(i => i.Weaknesses).Distinct()];
}
