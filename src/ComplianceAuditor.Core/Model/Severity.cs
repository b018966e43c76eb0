namespace ComplianceAuditor.Core.Model;

/// <summary>How much a failed rule matters. Ordered: a higher value is more severe.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
