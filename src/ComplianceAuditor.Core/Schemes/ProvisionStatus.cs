namespace ComplianceAuditor.Core.Schemes;

public enum ProvisionStatus
{
    Mandatory,
    Recommended,
}
