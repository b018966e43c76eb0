using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>Turns the schema-valid facts document into <see cref="FactDefinition"/> entries.</summary>
internal static class FactsBinder
{
    public static IReadOnlyList<FactDefinition> Bind(YMapping doc) =>
        doc.MapList("facts").Select(f => new FactDefinition
        {
            Id = f.Str("id"),
            Type = YAccess.Enum<FactType>(f.Str("type")),
            Question = f.Str("question"),
            Help = f.OptStr("help")?.Trim(),
            Choices = f.StrList("choices"),
            ContradictedBy = f.MapList("contradictedBy").Select(c => new FactContradiction(
                Normalise(c.Str("value")),
                c.StrList("rules"),
                c.StrList("checks"),
                YAccess.Enum<Outcome>(c.Str("outcome")),
                c.Str("says"))).ToArray(),
            // The schema's pattern guarantees the colon.
            Settles = f.StrList("settles").Select(r => Core.Rules.ProvisionRef.TryParse(r)!).ToArray(),
        }).ToArray();

    /// <summary>Booleans as the declaration loader writes them, so comparisons are plain string equality.</summary>
    internal static string Normalise(string value) =>
        value is "True" or "TRUE" ? "true" : value is "False" or "FALSE" ? "false" : value;
}
