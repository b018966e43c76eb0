using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>The bounds and choices of one target's C# analysis.</summary>
internal sealed record AnalysisSettings
{
    /// <summary>A C# file larger than this is not compiled (it is generated data or hostile); its results say so.</summary>
    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// Source read per target. Roslyn holds syntax and semantics in memory, some twenty times the text; past this the
    /// files that no longer fit (projects are read in name order, each after the projects it references) are not analysed and
    /// their results say so.
    /// </summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Wall-clock bound of the whole target's analysis; past it every C# result is inconclusive.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Show credentials found in source as they are instead of redacted (the audit's --show-secrets).</summary>
    public bool ShowSecrets { get; init; }

    public required ImmutableArray<DiagnosticAnalyzer> Analyzers { get; init; }
}
