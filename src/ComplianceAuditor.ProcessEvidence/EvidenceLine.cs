namespace ComplianceAuditor.ProcessEvidence;

/// <summary>Where a fact was found: the repository path, the 1-based line (0 when the whole file is the evidence) and a short excerpt.</summary>
public sealed record EvidenceLine(string Path, int Line, string Excerpt);
