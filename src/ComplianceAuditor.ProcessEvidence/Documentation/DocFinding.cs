namespace ComplianceAuditor.ProcessEvidence.Documentation;

/// <summary>A heading or sentence of a document about <see cref="Topic"/>; headings are the stronger evidence.</summary>
public sealed record DocFinding(DocTopic Topic, EvidenceLine Evidence, bool IsHeading);
