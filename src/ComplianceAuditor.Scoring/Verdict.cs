namespace ComplianceAuditor.Scoring;

/// <summary>The verdict on one provision of a scheme.</summary>
public enum Verdict
{
    /// <summary>Every check the provision expects from this audit produced evidence, and all of it passed.</summary>
    Pass,

    /// <summary>At least one linked result failed.</summary>
    Fail,

    /// <summary>A declared condition makes the provision not apply (declarations come with the manufacturer's answers).</summary>
    NotApplicable,

    /// <summary>The tool looked and could not decide: partial evidence, or a linked result was inconclusive.</summary>
    Inconclusive,

    /// <summary>Nothing in this audit could settle it: it needs a declaration or a lab, or no rule gives evidence yet.</summary>
    NotAssessed,
}
