namespace ComplianceAuditor.Scoring;

/// <summary>A declared fact the audit's evidence contradicts, with the results that show it.</summary>
public sealed record FactConflict(string Fact, string Declared, string Description, IReadOnlyList<string> Results);
