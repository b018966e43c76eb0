namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>What a SECURITY.md says about reporting vulnerabilities. Lists are sorted by line.</summary>
public sealed record SecurityPolicyReport
{
    /// <summary>The policy file read, or null when the repository has none.</summary>
    public string? Path { get; init; }

    /// <summary>Lines giving a way to report: an e-mail address, or a link on a line that tells the reader to report or make contact.</summary>
    public IReadOnlyList<EvidenceLine> Contacts { get; init; } = [];

    /// <summary>Lines promising a response, status update or fix within a stated number of hours, days or weeks.</summary>
    public IReadOnlyList<PolicyTimeline> Timelines { get; init; } = [];

    /// <summary>Lines that appear to require the reporter's personal data (name, phone, address, identity document).</summary>
    public IReadOnlyList<EvidenceLine> PersonalDataDemands { get; init; } = [];

    /// <summary>The header row of a supported-versions table, when there is one.</summary>
    public EvidenceLine? SupportedVersionsTable { get; init; }

    public bool Exists => Path is not null;

    public bool HasContact => Contacts.Count > 0;

    public bool HasTimelines => Timelines.Count > 0;

    public bool HasTimeline(TimelineKind kind) => Timelines.Any(t => t.Kinds.Contains(kind));

    public bool HasSupportedVersions => SupportedVersionsTable is not null;
}
