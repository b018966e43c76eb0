namespace ComplianceAuditor.Core.Schemes;

/// <summary>What a scheme is. A <see cref="Model"/> is ours, and every report that rates by it says so.</summary>
public enum SchemeKind
{
    Standard,
    Regulation,
    Label,
    Model,
}
