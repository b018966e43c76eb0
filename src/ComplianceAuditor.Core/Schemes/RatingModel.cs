namespace ComplianceAuditor.Core.Schemes;

/// <summary>How a scheme is rated from its provision verdicts; the formulas are spelled out by the scoring.</summary>
public enum RatingModel
{
    /// <summary>The share of applicable mandatory provisions passed, in percent, with a grade.</summary>
    MandatoryShare,

    /// <summary>PASS only when every applicable mandatory provision passes (regulations).</summary>
    PassFail,

    /// <summary>The highest level whose provisions, and those of every lower level, all pass or do not apply.</summary>
    Levels,

    /// <summary>As <see cref="Levels"/>, shown as stars.</summary>
    Stars,
}
