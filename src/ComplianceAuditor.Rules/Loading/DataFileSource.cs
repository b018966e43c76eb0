namespace ComplianceAuditor.Rules.Loading;

/// <summary>The text of one rule, scheme or catalog file and where it came from.</summary>
public sealed record DataFileSource(string DisplayPath, string Text, bool BuiltIn);
