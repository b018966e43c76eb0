namespace ComplianceAuditor.Core.Schemes;

/// <summary>A condition under which conditional provisions apply (for example "the device uses passwords").</summary>
public sealed record SchemeCondition(string Id, string Text);
