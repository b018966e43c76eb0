namespace ComplianceAuditor.ProcessEvidence.Documentation;

/// <summary>What the repository's user documentation covers: findings sorted by path and line, and the documents read.</summary>
public sealed record DocumentationReport(IReadOnlyList<DocFinding> Findings, IReadOnlyList<string> Documents)
{
    public bool Covers(DocTopic topic) => Findings.Any(f => f.Topic == topic);

    /// <summary>The findings about <paramref name="topic"/>, headings first, each group in path and line order.</summary>
    public IReadOnlyList<DocFinding> Of(DocTopic topic) => [.. Findings.Where(f => f.Topic == topic).OrderByDescending(f => f.IsHeading)];
}
