namespace ComplianceAuditor.Reporting.Model;

/// <summary>A provision of another scheme this one derives from, and its verdict.</summary>
public sealed record DerivedEntry(string Provision, string Verdict);
