namespace ComplianceAuditor.Update.Configuration;

/// <summary>A judgement with the reason a person can check: the setting, its file and line, or what was missing.</summary>
/// <param name="State">Enforced, not enforced, or unknown.</param>
/// <param name="Reason">One or two sentences naming the evidence: "min-bundle-version=2.0 in /etc/rauc/system.conf:4".</param>
public sealed record EnforcementVerdict(Enforcement State, string Reason)
{
    public static EnforcementVerdict Enforced(string reason) => new(Enforcement.Enforced, reason);

    public static EnforcementVerdict NotEnforced(string reason) => new(Enforcement.NotEnforced, reason);

    public static EnforcementVerdict Unknown(string reason) => new(Enforcement.Unknown, reason);
}
