using System.Diagnostics.CodeAnalysis;

namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// The outcome of reading one report: the report, or one line saying which file failed and why. Failures are values,
/// not exceptions, because a bad input is an expected event for a CI gate, not a bug.
/// </summary>
public sealed class ReportLoad
{
    private ReportLoad(ReportDocument? report, string? error)
    {
        Report = report;
        Error = error;
    }

    public ReportDocument? Report { get; }

    /// <summary>"<c>PATH: reason</c>" when reading failed.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Report))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Report is not null;

    public static ReportLoad Loaded(ReportDocument report) => new(report, null);

    public static ReportLoad Failed(string path, string reason) => new(null, $"{path}: {reason}");
}
