using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>Turns a schema-valid scheme document into a <see cref="SchemeDefinition"/>.</summary>
internal static class SchemeBinder
{
    public static SchemeDefinition Bind(YMapping doc, SourceFile source) => new()
    {
        Id = doc.Str("id"),
        Title = doc.Str("title"),
        ShortTitle = doc.OptStr("shortTitle") ?? doc.Str("title"),
        Version = doc.Str("version"),
        Publisher = doc.OptStr("publisher"),
        Url = doc.OptStr("url"),
        Description = doc.OptStr("description")?.Trim(),
        Conditions = doc.MapList("conditions").Select(c => new SchemeCondition(c.Str("id"), c.Str("text"))).ToArray(),
        Provisions = doc.MapList("provisions").Select(BindProvision).ToArray(),
        Source = source,
    };

    private static ProvisionDefinition BindProvision(YMapping p) => new()
    {
        Id = p.Str("id"),
        Section = p.OptStr("section"),
        SectionTitle = p.OptStr("sectionTitle"),
        Title = p.Str("title"),
        Status = YAccess.Enum<ProvisionStatus>(p.Str("status")),
        Conditions = p.StrList("conditions"),
        Assessment = p.StrList("assessment").Select(YAccess.Enum<AssessmentMethod>).ToArray(),
        Checks = p.StrList("checks"),
        Question = p.OptStr("question"),
        TestCaseTypes = p.OptStr("testCaseTypes"),
    };
}
