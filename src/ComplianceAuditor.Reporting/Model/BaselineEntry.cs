using System.Text.Json.Serialization;
using ComplianceAuditor.Reporting.Baseline;

namespace ComplianceAuditor.Reporting.Model;

/// <summary>
/// The earlier report this audit was compared with (<c>--baseline</c>) and how the failures moved, counted by
/// fingerprint: failing now and not then, failing both times, failing then and not now.
/// </summary>
public sealed record BaselineEntry
{
    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>Failures whose fingerprint is not among the baseline's failures.</summary>
    public required int New { get; init; }

    /// <summary>Failures that failed in the baseline too, waived ones included.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Baseline failures that no longer fail, each listed in the SARIF log as an "absent" result.</summary>
    public required int Absent { get; init; }

    /// <summary>
    /// Baseline failures that no longer fail but whose rule did not run (<c>--only</c>, <c>--disable</c>, or gone from
    /// the rule set): nothing says they were fixed, and SARIF cannot name a rule the run lacks, so they are not listed.
    /// </summary>
    public required int Skipped { get; init; }

    // The two below are for the SARIF writer, which like every writer gets only the report: the per-result states
    // and the absent results are SARIF's to show, while report.json carries the counts alone.

    /// <summary>The baseline's failing fingerprints, by which each failure is new or unchanged.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> Fingerprints { get; init; } = new HashSet<string>();

    /// <summary>The baseline failures counted in <see cref="Absent"/>, in the baseline's order.</summary>
    [JsonIgnore]
    public IReadOnlyList<BaselineFailure> AbsentFailures { get; init; } = [];
}
