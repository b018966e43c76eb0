using ComplianceAuditor.Core.Waivers;

namespace ComplianceAuditor.Scoring;

/// <summary>A waiver that names a failing result; <see cref="Expired"/> when the audit date is past its expiry.</summary>
public sealed record WaiverMatch(Waiver Waiver, bool Expired)
{
    /// <summary>Only a waiver in force accepts the finding; an expired one is shown but the finding fails again.</summary>
    public bool Applies => !Expired;
}
