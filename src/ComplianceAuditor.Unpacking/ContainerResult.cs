namespace ComplianceAuditor.Unpacking;

/// <summary>The outcome of opening one container: its report line, its entries, and notes for the audit's method section.</summary>
public sealed record ContainerResult(ContainerReport Report, IReadOnlyList<ExtractedItem> Items, IReadOnlyList<string> Notes)
{
    /// <summary>True when something the container holds was not extracted (limits, errors, refused paths).</summary>
    public bool Incomplete => Report.Status != ContainerStatus.Opened || Notes.Count > 0;
}
