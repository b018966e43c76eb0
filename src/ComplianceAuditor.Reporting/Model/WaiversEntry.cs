namespace ComplianceAuditor.Reporting.Model;

/// <summary>The waivers file the audit used and what came of it.</summary>
public sealed record WaiversEntry
{
    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    public required int Waivers { get; init; }

    /// <summary>Failures accepted by a waiver in force.</summary>
    public required int Applied { get; init; }

    /// <summary>Failures named by a waiver past its expiry date: they count as failures again.</summary>
    public required int Expired { get; init; }

    /// <summary>Waivers that named no failure in this audit (fixed, or a typo), with where they are written.</summary>
    public required IReadOnlyList<string> Unused { get; init; }
}
