using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Checks.Update.Reading;

/// <summary>One artifact read as an update image: the inspection, or why there is none.</summary>
/// <param name="Inspection">The inspection of the first format that recognised the bytes, or null.</param>
/// <param name="Error">Why the artifact could not be judged (unreadable, too large), or null.</param>
internal sealed record UpdateReading(UpdateInspection? Inspection, string? Error)
{
    public static UpdateReading None { get; } = new(null, null);
}
