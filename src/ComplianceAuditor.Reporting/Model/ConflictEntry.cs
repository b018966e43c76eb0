namespace ComplianceAuditor.Reporting.Model;

/// <summary>A declared fact contradicted by the audit, with the fingerprints of the results that show it.</summary>
public sealed record ConflictEntry(string Fact, string Declared, string Description, IReadOnlyList<string> Results);
