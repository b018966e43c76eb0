namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>A line promising something within a stated time, and the kinds of promise it makes (one line may make several).</summary>
public sealed record PolicyTimeline(EvidenceLine Evidence, IReadOnlyList<TimelineKind> Kinds);
