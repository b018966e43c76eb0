namespace ComplianceAuditor.Core.Model;

/// <summary>
/// What the history part of an audit read for one target: the artifact standing for the whole history, the history
/// artifacts that have a recorded result (a report lists them beside the target's files), and the walk's summary.
/// </summary>
public sealed record TargetHistory(string Target, string Scope, Artifact Root, IReadOnlyList<Artifact> Artifacts, HistoryRun Run);
