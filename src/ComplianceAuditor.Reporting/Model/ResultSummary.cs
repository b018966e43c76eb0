namespace ComplianceAuditor.Reporting.Model;

/// <summary>Result counts: by outcome (waived failures included), failures by severity (waived ones left out), and waived failures.</summary>
public sealed record ResultSummary
{
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required IReadOnlyDictionary<string, int> FailuresBySeverity { get; init; }

    /// <summary>Failures accepted by a waiver in force (counted in <see cref="Outcomes"/>, not in <see cref="FailuresBySeverity"/>).</summary>
    public int Waived { get; init; }
}
