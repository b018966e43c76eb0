namespace ComplianceAuditor.Core.Rules;

/// <summary>A pointer from a rule to one provision of one scheme.</summary>
public sealed record ProvisionRef(string Scheme, string Provision);
