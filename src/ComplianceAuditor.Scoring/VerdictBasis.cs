namespace ComplianceAuditor.Scoring;

/// <summary>What a verdict rests on; a verdict may rest on several.</summary>
public enum VerdictBasis
{
    /// <summary>Results of the audit's checks.</summary>
    Evidence,

    /// <summary>The manufacturer's answer to the provision's question.</summary>
    Declaration,

    /// <summary>The verdicts of the provisions of other schemes it derives from.</summary>
    Derived,

    /// <summary>A declared fact that makes a condition of the provision not hold.</summary>
    Condition,
}
