namespace ComplianceAuditor.Reporting.Model;

/// <summary>One piece of evidence; unset members are left out of the JSON.</summary>
public sealed record EvidenceEntry
{
    public required string Kind { get; init; }

    public string? Description { get; init; }

    public string? Path { get; init; }

    public string? Excerpt { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public long? ByteOffset { get; init; }

    public int? ByteLength { get; init; }

    public string? Symbol { get; init; }

    public string? Commit { get; init; }
}
