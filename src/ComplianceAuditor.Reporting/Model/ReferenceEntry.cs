namespace ComplianceAuditor.Reporting.Model;

public sealed record ReferenceEntry(string Title, string? Url);
