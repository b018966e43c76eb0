namespace ComplianceAuditor.Rules.Loading;

/// <summary>The text of one rule, scheme or catalog file and where it came from.</summary>
public sealed record DataFileSource(string DisplayPath, string Text, bool BuiltIn)
{
    /// <summary>The path the rule-set hash uses: independent of how a user spelled the folder on the command line.</summary>
    public string HashPath { get; init; } = DisplayPath;
}
