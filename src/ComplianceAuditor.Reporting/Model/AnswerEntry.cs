namespace ComplianceAuditor.Reporting.Model;

/// <summary>The manufacturer's answer to a provision's question, as declared.</summary>
public sealed record AnswerEntry
{
    public required bool Met { get; init; }

    public string? Evidence { get; init; }

    public string? Justification { get; init; }
}
