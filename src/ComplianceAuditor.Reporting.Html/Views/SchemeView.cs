using System.Globalization;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// A scheme as the page shows it: its rating in the form its model calls for (a grade letter for a share of
/// provisions, PASS or FAIL, filled level boxes, stars), a tone for the badge colour, and its provisions.
/// </summary>
public sealed class SchemeView
{
    private static readonly string[] VerdictOrder = ["pass", "fail", "inconclusive", "notAssessed", "notApplicable"];

    public SchemeView(SchemeEntry scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Scheme = scheme;
        var rating = scheme.Rating;
        Tone = rating switch
        {
            { Failed: true } => "fail",
            { Label: "NOT APPLICABLE" } => "na",
            { Label: "PASS" } => "pass",
            { Model: "levels" or "stars", Level: > 0 } => "pass",
            _ => "warn",
        };
        ScoreText = rating.Score.ToString("0.#", CultureInfo.InvariantCulture);
        var reached = Math.Max(0, rating.Level ?? 0);
        var max = Math.Clamp(rating.MaxLevel ?? 0, 0, 20);
        Filled = Math.Min(reached, max);
        Empty = max - Filled;
        Display = rating switch
        {
            { Model: "stars", MaxLevel: not null } => string.Create(CultureInfo.InvariantCulture, $"{Filled} of {max} stars"),
            { Model: "levels", MaxLevel: not null } => string.Create(CultureInfo.InvariantCulture, $"level {Filled} of {max}"),
            { Grade: { } grade } => "grade " + grade,
            _ => "",
        };
        Counts = CountView.Ordered(scheme.Summary.Where(p => VerdictOrder.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), VerdictOrder);
        NotAssessed = scheme.Provisions.Where(p => p.Verdict == "notAssessed").Select(p => p.Id).ToArray();
    }

    public SchemeEntry Scheme { get; }

    public string Id => Scheme.Id;

    public string Title => Scheme.Title;

    public string ShortTitle => Scheme.ShortTitle;

    public string Version => Scheme.Version;

    public string Kind => Scheme.Kind;

    /// <summary>True for a rating model of ComplianceAuditor's own, which every report must say is not an official scheme.</summary>
    public bool IsModel => Scheme.Kind == "model";

    public string? Description => Scheme.Description;

    public string? RatingNote => Scheme.RatingNote;

    /// <summary>The scheme's web page, only when it is an http(s) address.</summary>
    public string? Url => LinkView.Safe(Scheme.Url);

    public RatingEntry Rating => Scheme.Rating;

    /// <summary><c>pass</c>, <c>fail</c>, <c>warn</c> (incomplete, no level yet) or <c>na</c>: the badge colour.</summary>
    public string Tone { get; }

    /// <summary>The score in percent with at most one decimal.</summary>
    public string ScoreText { get; }

    /// <summary>The model's own wording beside the label: <c>grade E</c>, <c>level 1 of 3</c>, <c>2 of 5 stars</c>.</summary>
    public string Display { get; }

    /// <summary>For levels and stars: how many are reached, and how many are not (both 0 for other models).</summary>
    public int Filled { get; }

    public int Empty { get; }

    /// <summary>Stars reached and missed, as characters, for the stars model.</summary>
    public string StarsOn => new('★', Filled);

    public string StarsOff => new('☆', Empty);

    /// <summary>Levels reached and missed, as filled and empty boxes, for the levels model.</summary>
    public string BoxesOn => new('■', Filled);

    public string BoxesOff => new('□', Empty);

    public IReadOnlyList<CountView> Counts { get; }

    public int Mandatory => Scheme.Summary.GetValueOrDefault("mandatory");

    public int MandatoryPass => Scheme.Summary.GetValueOrDefault("mandatoryPass");

    public IReadOnlyList<ProvisionEntry> Provisions => Scheme.Provisions;

    /// <summary>Ids of the provisions nothing here could assess: left to a lab or a declaration.</summary>
    public IReadOnlyList<string> NotAssessed { get; }
}
