using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>Turns a schema-valid catalog document into <see cref="CatalogCheck"/> entries.</summary>
internal static class CatalogBinder
{
    public static IReadOnlyList<CatalogCheck> Bind(YMapping doc) =>
        doc.MapList("checks")
            .Select(c => new CatalogCheck(
                c.Str("id"),
                c.Str("area"),
                c.Str("title"),
                c.Str("description").Trim(),
                c.StrList("targets"),
                c.Get("multiVersion") is YScalar s && ScalarTyping.Interpret(s) is true))
            .ToArray();
}
