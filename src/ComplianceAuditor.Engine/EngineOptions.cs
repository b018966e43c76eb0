using ComplianceAuditor.Core.Compact;

namespace ComplianceAuditor.Engine;

/// <summary>Limits that keep one hostile artifact from stalling or exhausting an audit.</summary>
public sealed record EngineOptions
{
    /// <summary>Wall-clock limit for one rule on one artifact; past it the result is inconclusive.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one regular-expression match.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Text files larger than this are read only up to it, and the result says so.</summary>
    public long MaxTextBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Byte scans stop after this many bytes of one file; a file larger than that without a hit is inconclusive.</summary>
    public long MaxScanBytes { get; init; } = 1L << 30;

    /// <summary>How many (rule, artifact) pairs run at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Where results are kept, packed; it must outlive the results read from it. Null keeps them in memory; a store
    /// that spills to disk keeps an audit's memory flat however many results it has.
    /// </summary>
    public BlockStore? Records { get; init; }

    /// <summary>
    /// Show secrets (passwords, keys, tokens) in evidence as they are instead of redacted. Off by default; the report
    /// says when it was on.
    /// </summary>
    public bool ShowSecrets { get; init; }

    /// <summary>
    /// Time allowed to test the password hashes of one account file against the default-credential dictionary;
    /// zero switches that proof off. A budget that runs out leaves the hashes it did not finish unproven, and says so.
    /// </summary>
    public TimeSpan CrackTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The moment certificates are judged at (expired or not): the audit's own time, so a rerun agrees.</summary>
    public DateTimeOffset ReferenceTime { get; init; } = DateTimeOffset.UtcNow;
}
