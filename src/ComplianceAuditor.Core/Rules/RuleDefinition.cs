using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Core.Rules;

/// <summary>One rule, as loaded from one YAML file under <c>rules/</c> (or a user's rule folder).</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Target kinds the rule is meant for; a rule is not applicable to any other kind.</summary>
    public required IReadOnlyList<TargetKind> Targets { get; init; }

    /// <summary>Artifact kinds a per-artifact check looks at.</summary>
    public required IReadOnlyList<ArtifactKind> Artifacts { get; init; }

    /// <summary>
    /// True when the rule also reads what a repository's history added (<c>appliesTo.history</c>): the lines and blobs
    /// of every past commit, deleted files included. For detectors of leaked secrets and keys, which stay usable after
    /// the file that held them is gone; other rules are about the tree as it ships.
    /// </summary>
    public bool History { get; init; }

    public required CheckSpec Check { get; init; }

    /// <summary>The <c>CHK-*</c> ids of the checks catalog this rule gives evidence for.</summary>
    public required IReadOnlyList<string> Catalog { get; init; }

    /// <summary>Scheme provisions this rule gives evidence for, beyond what its catalog ids imply.</summary>
    public IReadOnlyList<ProvisionRef> Provisions { get; init; } = [];

    /// <summary>Why the rule matters (Markdown).</summary>
    public required string Rationale { get; init; }

    /// <summary>What to do about a failure (Markdown).</summary>
    public required string Remediation { get; init; }

    /// <summary>The message of a failing result; the rule title when absent.</summary>
    public string? FailMessage { get; init; }

    /// <summary>The message of a passing result; derived from the title when absent.</summary>
    public string? PassMessage { get; init; }

    public IReadOnlyList<RuleReference> References { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>CWE numbers, without the <c>CWE-</c> prefix.</summary>
    public IReadOnlyList<int> Cwe { get; init; } = [];

    public RuleSelfTests Tests { get; init; } = RuleSelfTests.None;

    /// <summary>Where the rule came from, for error messages.</summary>
    public required SourceFile Source { get; init; }

    /// <summary>True for rules shipped with the tool; false for rules added with <c>--rules</c>.</summary>
    public bool BuiltIn { get; init; }
}
