namespace ComplianceAuditor.Repository;

/// <summary>One added line of a text blob: its 1-based line number in the new blob and its text without the line break.</summary>
public readonly record struct AddedLine(int LineNumber, string Text);
