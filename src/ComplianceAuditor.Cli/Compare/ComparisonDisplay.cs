using System.Globalization;
using ComplianceAuditor.Comparison;
using ComplianceAuditor.Comparison.Reading;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Cli.Compare;

/// <summary>
/// What the text and Markdown renderings share: how a rating, a change and a report are put into words. Every string
/// that came from a report passes through <see cref="Safe"/>: reports carry firmware-derived text (file names, messages)
/// that could hold terminal escapes or bidirectional overrides.
/// </summary>
internal static class ComparisonDisplay
{
    public const string Nothing = "-";

    private static readonly ChangeKind[] ProvisionOrder = [ChangeKind.Regressed, ChangeKind.Improved, ChangeKind.Changed, ChangeKind.Added, ChangeKind.Removed];

    public static string Safe(string value, int maxLength = 200) => DisplayText.Sanitize(value, maxLength);

    public static string Rating(ReportRating? rating)
    {
        if (rating is null)
        {
            return Nothing;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{Safe(rating.Label, 40)} {rating.Score:0.#}%");
        if (rating.Level is { } level)
        {
            text += rating.MaxLevel is { } max
                ? string.Create(CultureInfo.InvariantCulture, $" level {level}/{max}")
                : string.Create(CultureInfo.InvariantCulture, $" level {level}");
        }

        return rating.Grade is { } grade ? $"{text} grade {Safe(grade, 20)}" : text;
    }

    /// <summary>
    /// The change, and for a scheme in one report only how many provisions came or went with it: they are counted
    /// but not listed one by one.
    /// </summary>
    public static string SchemeChangeWords(SchemeChange scheme, ReportComparison comparison)
    {
        if (scheme.Kind is not (ChangeKind.Added or ChangeKind.Removed))
        {
            return Word(scheme.Kind);
        }

        var provisions = comparison.Provisions.Count(p => string.Equals(p.SchemeId, scheme.SchemeId, StringComparison.Ordinal));
        return string.Create(CultureInfo.InvariantCulture, $"{Word(scheme.Kind)} ({provisions} provisions)");
    }

    public static string Verdict(string? verdict) => verdict is null ? Nothing : Safe(verdict, 40);

    public static string Word(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string Word(FindingKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>"examplecam-fw.bin (fc130407e1b2)": enough of the hash to tell two builds apart at a glance.</summary>
    public static string Inputs(ReportIdentity report) =>
        string.Join(", ", report.Inputs.Select(i => $"{Safe(i.Name, 120)} ({Safe(Short(i.Sha256), 12)})"));

    public static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    /// <summary>
    /// The provisions worth listing: changed ones, except those of a scheme that is in one report only (the scheme's own
    /// line says so; listing each of its provisions would bury the real changes).
    /// </summary>
    public static IEnumerable<ProvisionChange> ListedProvisions(ReportComparison comparison)
    {
        var wholeSchemes = comparison.Schemes
            .Where(s => s.Kind is ChangeKind.Added or ChangeKind.Removed)
            .Select(s => s.SchemeId)
            .ToHashSet(StringComparer.Ordinal);
        return ProvisionOrder
            .SelectMany(kind => comparison.Provisions.Where(p => p.Kind == kind))
            .Where(p => !wholeSchemes.Contains(p.SchemeId));
    }

    /// <summary>New first: that is what the reader of a gate's output is looking for. Persisting ones are only counted.</summary>
    public static IEnumerable<FindingChange> ListedFindings(ReportComparison comparison) =>
        new[] { FindingKind.New, FindingKind.Fixed, FindingKind.Waived }.SelectMany(kind => comparison.Findings.Where(f => f.Kind == kind));

    public static string ProvisionCounts(ChangeCounts c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Regressed} regressed, {c.Improved} improved, {c.Changed} changed, {c.Added} added, {c.Removed} removed, {c.Unchanged} unchanged");

    public static string FindingCounts(FindingCounts c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.New} new, {c.Fixed} fixed, {c.Persisting} persisting, {c.Waived} waived");

    /// <summary>One sentence for the verdict of the gate, naming what tripped it.</summary>
    public static string GateSentence(ReportComparison comparison)
    {
        if (!comparison.HasRegression)
        {
            return "No regression.";
        }

        var s = comparison.Summary;
        var parts = new[]
        {
            (s.Schemes.Regressed, "scheme rating(s) regressed"),
            (s.Provisions.Regressed, "provision verdict(s) regressed"),
            (s.Findings.New, "new unwaived failure(s)"),
        };
        return "Regression: " + string.Join(", ", parts.Where(p => p.Item1 > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1} {p.Item2}"))) + ".";
    }
}
