namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// Where an earlier failure was found: the artifact's virtual path as <c>report.json</c> writes it, and the region
/// of its first evidence. The path is what lets an absent result point at the same artifact in the new run.
/// </summary>
public sealed record BaselineLocation(string Path)
{
    public int? StartLine { get; init; }

    public int? StartColumn { get; init; }

    public long? ByteOffset { get; init; }

    public long? ByteLength { get; init; }
}
