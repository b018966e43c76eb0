namespace ComplianceAuditor.Engine;

/// <summary>How far an audit has got, for the CLI's progress display.</summary>
public readonly record struct EngineProgress(int Completed, int Total);
