namespace ComplianceAuditor.Engine;

/// <summary>How far an audit has got, for the CLI's progress display: artifacts done of all, and pairs evaluated so far.</summary>
public readonly record struct EngineProgress(int Completed, int Total, long Pairs);
