namespace ComplianceAuditor.Reporting.Model;

/// <summary>
/// The machine contract: exactly what <c>report.json</c> holds, described by <c>reports/report.schema.json</c>.
/// Every other format is rendered from this model, so they cannot disagree.
/// </summary>
public sealed record AuditReport
{
    /// <summary>Version of this contract; bumped on any incompatible change.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required ToolInfo Tool { get; init; }

    /// <summary>UTC time of the audit, from <c>SOURCE_DATE_EPOCH</c> when set, so reruns can be byte-identical.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<InputEntry> Inputs { get; init; }

    public required IReadOnlyList<ArtifactEntry> Artifacts { get; init; }

    public required IReadOnlyList<RuleEntry> Rules { get; init; }

    public required IReadOnlyList<ResultEntry> Results { get; init; }

    public required ResultSummary Summary { get; init; }

    public required IReadOnlyList<SchemeEntry> Schemes { get; init; }

    /// <summary>The manufacturer's declaration used, or null when the audit ran without one.</summary>
    public DeclarationEntry? Declaration { get; init; }

    /// <summary>The waivers file used, or null.</summary>
    public WaiversEntry? Waivers { get; init; }

    /// <summary>The earlier report this one was compared with (<c>--baseline</c>), or null.</summary>
    public BaselineEntry? Baseline { get; init; }

    /// <summary>
    /// True when passwords, keys and tokens appear in this report as they are (<c>--show-secrets</c>); false when
    /// they are redacted to a prefix and a hash. A report with secrets shown must be handled as a secret itself.
    /// </summary>
    public bool SecretsShown { get; init; }

    /// <summary>Limits of this audit: what could not be read or was cut short.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Software found in the targets (packages, libraries, kernel, images), sorted; the SBOM is written from it.</summary>
    public IReadOnlyList<ComponentEntry> Components { get; init; } = [];
}
