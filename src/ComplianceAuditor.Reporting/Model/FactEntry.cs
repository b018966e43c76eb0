namespace ComplianceAuditor.Reporting.Model;

/// <summary>A declared fact and its value.</summary>
public sealed record FactEntry(string Fact, string Value);
