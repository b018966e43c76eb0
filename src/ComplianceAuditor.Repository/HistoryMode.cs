namespace ComplianceAuditor.Repository;

/// <summary>How much of a repository's history a <see cref="HistoryScan"/> reads.</summary>
public enum HistoryMode
{
    /// <summary>Read nothing: the history part of the audit is switched off.</summary>
    None,

    /// <summary>Only the files of the tree HEAD points at, each distinct blob once.</summary>
    Head,

    /// <summary>Every commit reachable from any branch, tag or HEAD, and what each one adds.</summary>
    Full,
}
