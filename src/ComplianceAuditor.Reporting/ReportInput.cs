using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting;

/// <summary>Everything an audit produced, before it becomes the report contract.</summary>
public sealed record ReportInput
{
    public required string ToolName { get; init; }

    public required string ToolVersion { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required RuleSet RuleSet { get; init; }

    public IReadOnlyList<string> DisabledRules { get; init; } = [];

    public required IReadOnlyList<TargetInventory> Inventories { get; init; }

    public required IReadOnlyList<CheckResult> Results { get; init; }

    /// <summary>What was read of each target's history; its artifacts with results are listed after the target's own.</summary>
    public IReadOnlyList<TargetHistory> Histories { get; init; } = [];

    public required IReadOnlyList<SchemeAssessment> Schemes { get; init; }

    /// <summary>The audit ran with secrets shown (<c>--show-secrets</c>): the report must say so.</summary>
    public bool SecretsShown { get; init; }

    /// <summary>Images given only for comparison (<c>--previous</c>): named in the report's notes, not audited.</summary>
    public IReadOnlyList<TargetInventory> Comparisons { get; init; } = [];

    /// <summary>The rule selection of <c>--only</c>, empty when every rule ran: named in the notes so the scope is clear.</summary>
    public IReadOnlyList<string> OnlyRules { get; init; } = [];

    /// <summary>
    /// The trust anchors signatures were verified with (<c>--public-key</c>), each as its file name and SPKI
    /// SHA-256: a lab's report must say which keys "verified with a trusted key" refers to.
    /// </summary>
    public IReadOnlyList<string> TrustAnchors { get; init; } = [];

    /// <summary>The manufacturer's declaration (<c>--declaration</c>); <c>Declaration.None</c> without one.</summary>
    public Core.Declarations.Declaration Declaration { get; init; } = Core.Declarations.Declaration.None;

    /// <summary>Declared facts the evidence contradicts.</summary>
    public IReadOnlyList<FactConflict> FactConflicts { get; init; } = [];

    /// <summary>Accepted findings (<c>--waivers</c>) as of the audit date.</summary>
    public AppliedWaivers Waivers { get; init; } = AppliedWaivers.None;

    /// <summary>The earlier report to compare failures with (<c>--baseline</c>); null without one.</summary>
    public Baseline.BaselineFile? Baseline { get; init; }

    /// <summary>Facts about the device given on the command line (<c>--device-ram</c>), named in the notes as declared.</summary>
    public IReadOnlyList<string> Declared { get; init; } = [];

    /// <summary>Software found in the targets, already merged and sorted by the component extraction.</summary>
    public IReadOnlyList<Model.ComponentEntry> Components { get; init; } = [];

    /// <summary>What the component extraction could not do (a detector failed, a file was too large), for the notes.</summary>
    public IReadOnlyList<string> ComponentNotes { get; init; } = [];
}
