namespace ComplianceAuditor.Unpacking;

/// <summary>The outcome of opening one container: its report line and notes for the audit's method section (its entries went to the caller as they came).</summary>
public sealed record ContainerResult(ContainerReport Report, IReadOnlyList<string> Notes)
{
    /// <summary>True when something the container holds was not extracted (limits, errors, refused paths).</summary>
    public bool Incomplete => Report.Status != ContainerStatus.Opened || Notes.Count > 0;
}
