using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// What the SBOM describes (its <c>metadata.component</c>). With one input, that input is it, named after the declared
/// product when there is a declaration, and it is not listed again among the components. With several inputs, a
/// component of its own stands for the device and depends on each input.
/// </summary>
internal sealed record CycloneDxTop(string Ref, ComponentEntry? Input, string? MergedInput)
{
    /// <summary>The bom-ref of the stand-in for several inputs.</summary>
    public const string DeviceRef = "device";

    public static CycloneDxTop For(AuditReport report)
    {
        var inputs = report.Components.Where(IsInput).ToArray();
        return inputs.Length == 1
            ? new CycloneDxTop(inputs[0].Id, inputs[0], inputs[0].Id)
            : new CycloneDxTop(DeviceRef, null, null);
    }

    public static bool IsInput(ComponentEntry component) =>
        component.ContainedIn.Count == 0 && component.Occurrences.Any(o => o.Detector == "input");
}
