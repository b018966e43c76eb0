namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>One "Name: value" field of a security.txt file, with its 1-based line in the original file.</summary>
public sealed record SecurityTxtField(string Name, string Value, int Line);
