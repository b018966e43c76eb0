namespace ComplianceAuditor.Core.Rules;

/// <summary>A 1-based line and column in a data file.</summary>
public readonly record struct SourcePosition(int Line, int Column);
