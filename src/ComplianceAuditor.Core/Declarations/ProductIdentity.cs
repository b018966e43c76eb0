namespace ComplianceAuditor.Core.Declarations;

/// <summary>Who declares what for which product; every field is the manufacturer's own text.</summary>
public sealed record ProductIdentity
{
    public string? Manufacturer { get; init; }

    public string? Model { get; init; }

    public string? FirmwareVersion { get; init; }

    public string? DeclaredBy { get; init; }

    public string? Date { get; init; }
}
