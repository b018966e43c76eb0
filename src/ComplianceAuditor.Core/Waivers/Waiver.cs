namespace ComplianceAuditor.Core.Waivers;

/// <summary>
/// An accepted finding: a failing result matched by its fingerprint, or by rule and artifact (a glob on the virtual
/// path), with who accepted it, why, and until when. After <see cref="Expires"/> it no longer applies.
/// </summary>
public sealed record Waiver
{
    public string? Fingerprint { get; init; }

    public string? Rule { get; init; }

    public string? Artifact { get; init; }

    public required string Justification { get; init; }

    public required string Approver { get; init; }

    public required DateOnly Expires { get; init; }

    /// <summary>Where in the waivers file it is written (<c>waivers.yaml:12:5</c>), for messages.</summary>
    public required string Location { get; init; }

    /// <summary>How the waiver names what it accepts, for reports.</summary>
    public string Describe() => Fingerprint is { } f ? $"fingerprint {f}" : $"{Rule} on {Artifact ?? "any artifact"}";
}
