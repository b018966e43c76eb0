namespace ComplianceAuditor.Reporting.Model;

/// <summary>The declaration the audit used: which file, for which product, stating what.</summary>
public sealed record DeclarationEntry
{
    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    public string? Manufacturer { get; init; }

    public string? Model { get; init; }

    public string? FirmwareVersion { get; init; }

    public string? DeclaredBy { get; init; }

    public string? Date { get; init; }

    public required IReadOnlyList<FactEntry> Facts { get; init; }

    /// <summary>How many provision questions it answers.</summary>
    public required int Answers { get; init; }

    /// <summary>Declared facts the audit's evidence contradicts.</summary>
    public required IReadOnlyList<ConflictEntry> Conflicts { get; init; }
}
