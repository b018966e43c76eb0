namespace ComplianceAuditor.Update.Configuration;

/// <summary>What <see cref="UpdateFrameworkScan.Scan"/> found in one root file system.</summary>
/// <param name="Findings">One finding per update mechanism, in a fixed order (SWUpdate first, custom scripts last).</param>
/// <param name="OtherTransportIssues">
/// Insecure download settings in files that belong to no mechanism found (<c>curl -k</c> in an init script): they
/// may still be on an update path, so they are reported, but not charged to a mechanism.
/// </param>
/// <param name="Problems">What limited the scan: files cut at the read limit, a configuration that did not parse.</param>
public sealed record UpdateScanResult(
    IReadOnlyList<UpdateFrameworkFinding> Findings,
    IReadOnlyList<TransportIssue> OtherTransportIssues,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when no update mechanism was found: CHK-UPD-01 fails for a Linux-class device.</summary>
    public bool NoUpdateMechanismFound => Findings.Count == 0;
}
