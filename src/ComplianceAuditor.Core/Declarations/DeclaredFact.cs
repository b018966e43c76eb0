namespace ComplianceAuditor.Core.Declarations;

/// <summary>
/// One declared fact, normalised: booleans as <c>true</c>/<c>false</c>, dates as <c>YYYY-MM-DD</c>, lists as their
/// items (and <see cref="Value"/> the items joined with ", ").
/// </summary>
public sealed record DeclaredFact(string Fact, string Value, IReadOnlyList<string> Items)
{
    /// <summary>True when the fact holds the value a condition or contradiction names (any item, for a list).</summary>
    public bool Is(string value) =>
        string.Equals(Value, value, StringComparison.Ordinal) || Items.Contains(value, StringComparer.Ordinal);
}
