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
        Kind = doc.OptStr("kind") is { } kind ? YAccess.Enum<SchemeKind>(kind) : SchemeKind.Standard,
        Rating = BindRating(doc.Map("rating")),
        Conditions = doc.MapList("conditions").Select(c => new SchemeCondition(
            c.Str("id"),
            c.Str("text"),
            c.Str("fact"),
            FactsBinder.Normalise(c.OptStr("equals") ?? "true"))).ToArray(),
        Provisions = doc.MapList("provisions").Select(BindProvision).ToArray(),
        Source = source,
    };

    private static SchemeRatingDefinition BindRating(YMapping? rating) => rating is null
        ? new SchemeRatingDefinition(RatingModel.MandatoryShare, [], null)
        : new SchemeRatingDefinition(
            YAccess.Enum<RatingModel>(rating.Str("model")),
            rating.MapList("levels")
                .Select(l => new SchemeLevel(int.Parse(l.Str("level"), System.Globalization.CultureInfo.InvariantCulture), l.Str("title"), l.StrList("provisions"), l.OptStr("note")?.Trim()))
                .ToArray(),
            rating.OptStr("note")?.Trim());

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
        TestCases = p.StrList("testCases"),
        // The schema's pattern guarantees the colon.
        DerivedFrom = p.StrList("derivedFrom").Select(r => ProvisionRef.TryParse(r)!).ToArray(),
        Note = p.OptStr("note")?.Trim(),
    };
}
