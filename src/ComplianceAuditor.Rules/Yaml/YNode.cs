using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Rules.Yaml;

/// <summary>A node of a parsed YAML document, with the position it started at.</summary>
public abstract record YNode(SourcePosition Position);

/// <summary>A scalar. <see cref="Plain"/> is false for quoted and block scalars, which are always strings.</summary>
public sealed record YScalar(string Value, bool Plain, SourcePosition Position) : YNode(Position);

public sealed record YSequence(IReadOnlyList<YNode> Items, SourcePosition Position) : YNode(Position);

/// <summary>A mapping whose keys are scalars, in document order, without duplicates.</summary>
public sealed record YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries, SourcePosition Position) : YNode(Position)
{
    public YNode? Get(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal)).Value;

    public bool Has(string key) => Get(key) is not null;
}
