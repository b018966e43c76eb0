namespace ComplianceAuditor.Rules.Validation;

/// <summary>One problem in a rule, scheme or catalog file, located as <c>file:line:column</c>.</summary>
public sealed record RuleLoadError(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
