namespace ComplianceAuditor.Reporting.Model;

/// <summary>Result counts: by outcome, and failures by severity.</summary>
public sealed record ResultSummary
{
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required IReadOnlyDictionary<string, int> FailuresBySeverity { get; init; }
}
