namespace ComplianceAuditor.KeyMaterial.Der;

/// <summary>How a walk ended; too deep is kept apart from malformed because only it condemns an enclosing element.</summary>
internal enum WalkOutcome
{
    Valid,
    Malformed,
    TooDeep,
}
