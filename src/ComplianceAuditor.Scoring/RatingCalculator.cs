using System.Globalization;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>Rates a scheme from its provision verdicts under the scheme's model (see <see cref="RatingFormulas"/>).</summary>
public static class RatingCalculator
{
    public static SchemeRating Rate(SchemeRatingDefinition model, IReadOnlyList<ProvisionAssessment> provisions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(provisions);
        var counted = provisions.Any(p => p.Provision.Status == ProvisionStatus.Mandatory)
            ? provisions.Where(p => p.Provision.Status == ProvisionStatus.Mandatory).ToArray()
            : provisions.ToArray();
        var applicable = counted.Count(p => p.Verdict != Verdict.NotApplicable);
        var passed = counted.Count(p => p.Verdict == Verdict.Pass);
        var failed = counted.Where(p => p.Verdict == Verdict.Fail).ToArray();
        var exact = applicable == 0 ? 0.0 : 100.0 * passed / applicable;
        var score = Math.Round(exact, 1);
        // A scheme none of whose rated provisions applies (declared away) is neither passed nor incomplete.
        var label = failed.Length > 0 ? "FAIL"
            : applicable == 0 && counted.Length > 0 ? "NOT APPLICABLE"
            : applicable > 0 && passed == applicable ? "PASS"
            : "INCOMPLETE";
        string[] holdingBack = label == "NOT APPLICABLE"
            ? ["no rated provision applies to the device as declared"]
            : counted.Where(p => p.Verdict is not (Verdict.Pass or Verdict.NotApplicable)).Select(Describe).ToArray();

        return model.Model switch
        {
            RatingModel.PassFail => new SchemeRating(model.Model, label, score, null, null, null, label == "FAIL", RatingFormulas.PassFail, holdingBack),
            RatingModel.Levels or RatingModel.Stars => Leveled(model, provisions, score),
            _ => new SchemeRating(model.Model, label, score, Grade(exact, applicable), null, null, label == "FAIL", RatingFormulas.MandatoryShare, holdingBack),
        };
    }

    /// <summary>A to E by the unrounded score (89.96 % is below 90, so a C, although it shows as 90.0); none when nothing applicable was there to grade.</summary>
    public static string? Grade(double score, int applicable) =>
        applicable == 0 ? null : score >= 100 ? "A" : score >= 90 ? "B" : score >= 75 ? "C" : score >= 50 ? "D" : "E";

    private static SchemeRating Leveled(SchemeRatingDefinition model, IReadOnlyList<ProvisionAssessment> provisions, double score)
    {
        var reached = 0;
        string[] blocking = [];
        foreach (var level in model.Levels)
        {
            blocking = level.Provisions
                .Select(id => provisions.First(p => p.Provision.Id == id))
                .Where(p => p.Verdict is not (Verdict.Pass or Verdict.NotApplicable))
                .Select(p => $"level {level.Level} ({level.Title}) needs {Describe(p)}")
                .ToArray();
            if (blocking.Length > 0)
            {
                break;
            }

            reached = level.Level;
        }

        var first = model.Levels[0].Provisions;
        var failed = provisions.Any(p => first.Contains(p.Provision.Id) && p.Verdict == Verdict.Fail);
        var stars = model.Model == RatingModel.Stars;
        var label = stars
            ? string.Create(CultureInfo.InvariantCulture, $"{reached} STAR{(reached == 1 ? "" : "S")}")
            : reached > 0 ? string.Create(CultureInfo.InvariantCulture, $"LEVEL {reached}") : "NO LEVEL";
        return new SchemeRating(model.Model, label, score, null, reached, model.Levels.Count, failed, stars ? RatingFormulas.Stars : RatingFormulas.Levels, blocking);
    }

    private static string Describe(ProvisionAssessment p) => $"{p.Provision.Id} ({Names(p.Verdict)})";

    private static string Names(Verdict verdict) => verdict switch
    {
        Verdict.Fail => "fail",
        Verdict.Inconclusive => "inconclusive",
        Verdict.NotAssessed => "not assessed",
        Verdict.NotApplicable => "not applicable",
        _ => "pass",
    };
}
