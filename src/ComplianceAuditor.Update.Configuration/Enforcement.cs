namespace ComplianceAuditor.Update.Configuration;

/// <summary>Whether a protection (signature check, downgrade refusal) is switched on by the configuration seen.</summary>
public enum Enforcement
{
    /// <summary>The files seen do not decide it (a setting comes from elsewhere, or the tool was only named).</summary>
    Unknown,

    /// <summary>The configuration enforces it.</summary>
    Enforced,

    /// <summary>The configuration leaves it off, or turns it off.</summary>
    NotEnforced,
}
