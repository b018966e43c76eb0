namespace ComplianceAuditor.Scoring;

/// <summary>The rating formulas, stated in every report that uses them and in the README.</summary>
public static class RatingFormulas
{
    public const string Share =
        "score = provisions passed / (provisions - provisions not applicable), in percent, over the mandatory provisions " +
        "(over all provisions when the scheme marks none mandatory); not assessed and inconclusive count as not passed";

    public const string MandatoryShare =
        Share + "; grade A at 100, B from 90, C from 75, D from 50, E below 50; " +
        "label FAIL if any such provision fails, PASS if every applicable one passes (and there is at least one), " +
        "NOT APPLICABLE if none applies, otherwise INCOMPLETE";

    public const string PassFail =
        "PASS when every applicable mandatory provision passes; FAIL when any fails; NOT APPLICABLE when none applies; " +
        "otherwise INCOMPLETE (not proven either way); " +
        "the score is given for information: " + Share;

    public const string Levels =
        "level N is reached when every provision of levels 1 to N passes or is not applicable; the rating is the highest level " +
        "reached (NO LEVEL when level 1 is not); it counts as failed when a level-1 provision fails";

    public const string Stars =
        "N stars when every criterion of stars 1 to N passes or is not applicable; 0 stars otherwise; " +
        "it counts as failed when a 1-star criterion fails";
}
