namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>One problem in a security.txt file, with the 1-based line it concerns (0 when it concerns the whole file).</summary>
public sealed record SecurityTxtProblem(SecurityTxtProblemKind Kind, int Line, string Detail)
{
    /// <summary>
    /// True for problems that make the file non-conforming; unknown fields and a far-off expiry are only informational.
    /// </summary>
    public bool IsError => Kind is not (SecurityTxtProblemKind.UnknownField or SecurityTxtProblemKind.ExpiresTooFarAhead);
}
