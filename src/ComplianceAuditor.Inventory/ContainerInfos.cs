using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Inventory;

/// <summary>What the artifact list says about a container: the driver's report in the model's words.</summary>
internal static class ContainerInfos
{
    public static ContainerInfo From(RecognizedImage image, ContainerReport report) => new()
    {
        Format = image.Format.Format,
        Extractor = report.Extractor,
        Description = Core.Text.DisplayText.Sanitize(report.Description, 300),
        Status = Status(report.Status),
        Entries = report.Entries,
        Reason = report.Reason is null ? null : Core.Text.DisplayText.Sanitize(report.Reason, 600),
    };

    public static string Status(ContainerStatus status) => status switch
    {
        ContainerStatus.Opened => "opened",
        ContainerStatus.Partial => "partial",
        ContainerStatus.Failed => "failed",
        ContainerStatus.Unavailable => "unavailable",
        _ => "too-deep",
    };
}
