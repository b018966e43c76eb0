namespace ComplianceAuditor.ProcessEvidence.Advisories;

/// <summary>What an advisory entry is.</summary>
public enum AdvisoryKind
{
    /// <summary>A CVE identifier (CVE-2024-12345).</summary>
    Cve,

    /// <summary>A GitHub Security Advisory identifier (GHSA-xxxx-xxxx-xxxx).</summary>
    Ghsa,

    /// <summary>A release-note entry that says it fixes a security problem, or an item under a "Security" heading.</summary>
    SecurityFix,

    /// <summary>A link to where the project publishes advisories outside the repository (a GitHub advisories page, a bulletin).</summary>
    PublishedChannel,
}
