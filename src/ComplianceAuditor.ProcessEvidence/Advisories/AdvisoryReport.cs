namespace ComplianceAuditor.ProcessEvidence.Advisories;

/// <summary>Security entries in release notes and advisory files, sorted by path and line, and the files that were read.</summary>
public sealed record AdvisoryReport(IReadOnlyList<AdvisoryEntry> Entries, IReadOnlyList<string> ReleaseNotes, IReadOnlyList<string> AdvisoryFiles)
{
    /// <summary>True when release notes or advisory files name a CVE, a GHSA or a security fix.</summary>
    public bool HasSecurityEntries => Entries.Any(e => e.Kind != AdvisoryKind.PublishedChannel);

    /// <summary>Each CVE and GHSA identifier once, with its first entry (the newest release, in a changelog written newest first).</summary>
    public IReadOnlyList<AdvisoryEntry> DistinctIds =>
        [.. Entries.Where(e => e.Id.Length > 0).GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Id, StringComparer.Ordinal)];

    public IReadOnlyList<AdvisoryEntry> Of(AdvisoryKind kind) => [.. Entries.Where(e => e.Kind == kind)];
}
