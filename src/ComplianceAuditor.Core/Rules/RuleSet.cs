using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Core.Rules;

/// <summary>Everything an audit evaluates against: the rules, the schemes they map to and the check catalog.</summary>
public sealed record RuleSet
{
    public required IReadOnlyList<RuleDefinition> Rules { get; init; }

    public required IReadOnlyList<SchemeDefinition> Schemes { get; init; }

    public required IReadOnlyList<CatalogCheck> Catalog { get; init; }

    /// <summary>The facts a declaration may state; scheme conditions name them.</summary>
    public IReadOnlyList<Declarations.FactDefinition> Facts { get; init; } = [];

    /// <summary>
    /// SHA-256 over every loaded rule, scheme and catalog file (path and content, in path order), so a report says
    /// exactly which rule set produced it.
    /// </summary>
    public required string Sha256 { get; init; }

    public RuleDefinition? FindRule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public Declarations.FactDefinition? FindFact(string id) => Facts.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    public SchemeDefinition? FindScheme(string id) => Schemes.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>A copy without the given rules (for <c>--disable</c>). Unknown ids are the caller's to report.</summary>
    public RuleSet Without(IReadOnlyCollection<string> disabledIds) =>
        this with { Rules = Rules.Where(r => !disabledIds.Contains(r.Id)).ToArray() };

    /// <summary>
    /// Only the rules <paramref name="selectors"/> name: an id, or a prefix ending in <c>*</c> (<c>CMP1*</c> for the
    /// binary-hardening rules). No selectors keeps every rule.
    /// </summary>
    public RuleSet Only(IReadOnlyCollection<string> selectors) =>
        selectors.Count == 0 ? this : this with { Rules = Rules.Where(r => selectors.Any(s => Selects(s, r.Id))).ToArray() };

    /// <summary>True when <paramref name="selector"/> (an id or a prefix ending in <c>*</c>) names <paramref name="id"/>.</summary>
    public static bool Selects(string selector, string id)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(id);
        return selector.EndsWith('*')
            ? id.StartsWith(selector[..^1], StringComparison.Ordinal)
            : string.Equals(selector, id, StringComparison.Ordinal);
    }
}
