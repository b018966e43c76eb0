namespace ComplianceAuditor.Reporting.Model;

/// <summary>The waiver naming a failing result; when <see cref="Applied"/> is false it has expired and the failure counts.</summary>
public sealed record WaiverEntry
{
    public required bool Applied { get; init; }

    public required string Justification { get; init; }

    public required string Approver { get; init; }

    /// <summary>Last day it applies, YYYY-MM-DD.</summary>
    public required string Expires { get; init; }

    /// <summary>Where it is written in the waivers file.</summary>
    public required string Location { get; init; }
}
