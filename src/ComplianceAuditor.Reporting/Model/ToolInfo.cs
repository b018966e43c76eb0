namespace ComplianceAuditor.Reporting.Model;

/// <summary>Which tool and which rule set produced a report.</summary>
public sealed record ToolInfo
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string InformationUri { get; init; }

    /// <summary>SHA-256 over every rule, scheme and catalog file loaded.</summary>
    public required string RulesetSha256 { get; init; }

    /// <summary>Rules disabled with <c>--disable</c>.</summary>
    public IReadOnlyList<string> DisabledRules { get; init; } = [];
}
