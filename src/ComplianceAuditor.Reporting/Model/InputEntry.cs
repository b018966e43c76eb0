namespace ComplianceAuditor.Reporting.Model;

/// <summary>One target the user passed, identified by name and content hash (never by its absolute path).</summary>
public sealed record InputEntry
{
    public required string Name { get; init; }

    /// <summary><c>firmware</c>, <c>rootfs</c> or <c>repo</c>.</summary>
    public required string Kind { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required int ArtifactCount { get; init; }
}
