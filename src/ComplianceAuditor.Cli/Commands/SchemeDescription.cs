using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Cli.Commands;

/// <summary>The words <c>schemes show</c> prints about a scheme and its provisions.</summary>
internal static class SchemeDescription
{
    public static IEnumerable<string> Header(SchemeDefinition scheme)
    {
        yield return $"{scheme.Id}: {scheme.Title}";
        yield return $"kind: {Names.Of(scheme.Kind)}{(scheme.Kind == SchemeKind.Model ? " (a model of ComplianceAuditor's, not an official scheme)" : "")}";
        yield return $"version: {scheme.Version}";
        if (scheme.Url is { } url)
        {
            yield return $"source: {url}";
        }

        if (scheme.Description is { } description)
        {
            yield return description;
        }

        yield return $"rating: {Names.Of(scheme.Rating.Model)}: {Formula(scheme.Rating.Model)}";
        if (scheme.Rating.Note is { } note)
        {
            yield return $"  {note}";
        }

        foreach (var level in scheme.Rating.Levels)
        {
            yield return $"  level {level.Level} ({level.Title}): {string.Join(", ", level.Provisions)}";
        }

        foreach (var condition in scheme.Conditions)
        {
            yield return $"condition ({condition.Id}): {condition.Text} [declared as {condition.Fact} = {condition.EqualsValue}]";
        }

        yield return "";
    }

    /// <summary>Automated (with its checks and derived provisions), declaration, lab.</summary>
    public static string Assessment(ProvisionDefinition p) => string.Join("; ", p.Assessment.Select(m => m switch
    {
        AssessmentMethod.Automated => "automated: " + string.Join(", ", p.Checks.Concat(p.DerivedFrom.Select(r => r.ToString()))),
        AssessmentMethod.Declaration => "declaration",
        _ => "lab",
    }));

    private static string Formula(RatingModel model) => model switch
    {
        RatingModel.PassFail => RatingFormulas.PassFail,
        RatingModel.Levels => RatingFormulas.Levels,
        RatingModel.Stars => RatingFormulas.Stars,
        _ => RatingFormulas.MandatoryShare,
    };
}
