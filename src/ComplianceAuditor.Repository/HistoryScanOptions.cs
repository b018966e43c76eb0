namespace ComplianceAuditor.Repository;

/// <summary>Settings of a <see cref="HistoryScan"/>. Every limit keeps a hostile repository from exhausting time or memory.</summary>
public sealed record HistoryScanOptions
{
    /// <summary>The default blob size limit: 16 MiB.</summary>
    public const long DefaultMaxBlobBytes = 16L * 1024 * 1024;

    /// <summary>The default commit bound.</summary>
    public const int DefaultMaxCommits = 200_000;

    /// <summary>How much history to read; <see cref="HistoryMode.Full"/> by default.</summary>
    public HistoryMode Mode { get; init; } = HistoryMode.Full;

    /// <summary>
    /// A revision (commit id, branch, tag, any rev-parse expression). When set, only commits not reachable from it are
    /// scanned, so a CI run sees just what is new since the last release. Ignored in <see cref="HistoryMode.Head"/>.
    /// </summary>
    public string? Since { get; init; }

    /// <summary>
    /// When set (a folder path with a trailing '/', such as <c>firmware/</c>), only files under it are read: a monorepo
    /// audited from one of its folders. Item paths stay relative to the repository root.
    /// </summary>
    public string? PathPrefix { get; init; }

    /// <summary>Blobs larger than this are not read; they are reported as skipped with their size in the notes.</summary>
    public long MaxBlobBytes { get; init; } = DefaultMaxBlobBytes;

    /// <summary>At most this many commits are walked; reaching the bound is reported in the notes.</summary>
    public int MaxCommits { get; init; } = DefaultMaxCommits;
}
