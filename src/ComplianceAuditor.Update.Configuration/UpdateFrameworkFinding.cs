using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration;

/// <summary>
/// One update mechanism found in a root file system and how its configuration judges on the points the catalogue
/// asks about (CHK-UPD-01, -02, -05, -06, -08, -09). Each verdict carries its reason; "Unknown" means the files seen
/// do not decide it, never that it was not looked at.
/// </summary>
public sealed record UpdateFrameworkFinding
{
    /// <summary>The mechanism, one of <see cref="UpdateFrameworkNames"/>.</summary>
    public required string Name { get; init; }

    /// <summary>The files that showed the mechanism and were judged, in path order.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Whether an update is refused unless it carries a valid signature (CHK-UPD-02).</summary>
    public EnforcementVerdict SignatureEnforcement { get; init; } = EnforcementVerdict.Unknown("not judged");

    /// <summary>
    /// Whether the keys or certificates the configuration trusts are in the view: true when every one named is,
    /// false when one is missing or none is configured, null when the configuration does not say where they are.
    /// </summary>
    public bool? TrustedKeysPresent { get; init; }

    /// <summary>The trusted key and keyring files named or found, whether or not they are in the view.</summary>
    public IReadOnlyList<string> TrustedKeyPaths { get; init; } = [];

    /// <summary>Whether an older version is refused (CHK-UPD-06).</summary>
    public EnforcementVerdict DowngradeProtection { get; init; } = EnforcementVerdict.Unknown("not judged");

    /// <summary>Unauthenticated update sources and disabled TLS checks, each with file and line (CHK-UPD-05).</summary>
    public IReadOnlyList<TransportIssue> TransportIssues { get; init; } = [];

    /// <summary>A second slot (A/B) or a recovery system to fall back to when an update fails (CHK-UPD-08).</summary>
    public PresenceVerdict Redundancy { get; init; } = PresenceVerdict.Unknown("not judged");

    /// <summary>A timer, cron entry or polling daemon that checks for updates without a person (CHK-UPD-09).</summary>
    public PresenceVerdict AutomaticChecks { get; init; } = PresenceVerdict.Unknown("not judged");

    /// <summary>Named weaknesses beyond the verdicts; the codes are listed on <see cref="UpdateFrameworkScan"/>.</summary>
    public IReadOnlyList<UpdateWeakness> Weaknesses { get; init; } = [];

    /// <summary>Settings worth printing in a report: server URL, poll interval, bootloader, slot names.</summary>
    public IReadOnlyList<InspectionFact> Facts { get; init; } = [];
}
