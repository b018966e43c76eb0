namespace ComplianceAuditor.Core.Rules;

/// <summary>A document a rule cites.</summary>
public sealed record RuleReference(string Title, string? Url);
