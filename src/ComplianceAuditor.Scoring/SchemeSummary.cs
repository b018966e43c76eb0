namespace ComplianceAuditor.Scoring;

/// <summary>Verdict counts for a scheme, over all provisions and over mandatory ones.</summary>
public sealed record SchemeSummary
{
    public int Total { get; init; }

    public int Pass { get; init; }

    public int Fail { get; init; }

    public int NotApplicable { get; init; }

    public int Inconclusive { get; init; }

    public int NotAssessed { get; init; }

    public int Mandatory { get; init; }

    public int MandatoryPass { get; init; }

    public int MandatoryFail { get; init; }

    public int MandatoryNotApplicable { get; init; }

    /// <summary>Contradictions between the declaration and the evidence, over all provisions.</summary>
    public int Conflicts { get; init; }

    /// <summary>Provisions whose verdict rests on the declaration (an answer or a declared condition).</summary>
    public int Declared { get; init; }
}
