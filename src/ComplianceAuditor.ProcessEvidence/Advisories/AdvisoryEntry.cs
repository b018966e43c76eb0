namespace ComplianceAuditor.ProcessEvidence.Advisories;

/// <summary>
/// One security entry. <see cref="Id"/> is the CVE or GHSA identifier in upper case (empty for other kinds);
/// <see cref="Release"/> and <see cref="ReleaseDate"/> come from the release heading the entry sits under, when there is one.
/// </summary>
public sealed record AdvisoryEntry(AdvisoryKind Kind, string Id, EvidenceLine Evidence, string? Release = null, DateOnly? ReleaseDate = null);
