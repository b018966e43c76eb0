namespace ComplianceAuditor.Update.Configuration;

/// <summary>Whether something the device should have (a second slot, an automatic update check) was found.</summary>
public enum Presence
{
    /// <summary>The files seen do not tell.</summary>
    Unknown,

    /// <summary>Found, with the evidence in the reason.</summary>
    Present,

    /// <summary>Looked for where it would be, and not found (or configured away).</summary>
    Absent,
}
