namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// The failing results of an earlier report (<c>audit --baseline</c>), as read from its <c>report.sarif</c> or
/// <c>report.json</c>. Only failures are kept: a result that was undecided or passing cannot become "unchanged".
/// </summary>
public sealed class BaselineFile
{
    private readonly HashSet<string> _fingerprints;

    /// <param name="source">How the report names the file: its name, after its folder's when a folder was given.</param>
    /// <param name="failures">In the file's order; a fingerprint seen twice is kept once.</param>
    public BaselineFile(string source, string sha256, IEnumerable<BaselineFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Source = source;
        Sha256 = sha256;
        _fingerprints = new HashSet<string>(StringComparer.Ordinal);
        Failures = failures.Where(f => _fingerprints.Add(f.Fingerprint)).ToArray();
    }

    public string Source { get; }

    /// <summary>SHA-256 of the file's bytes, so the report says exactly which baseline it was compared with.</summary>
    public string Sha256 { get; }

    public IReadOnlyList<BaselineFailure> Failures { get; }

    public IReadOnlySet<string> Fingerprints => _fingerprints;
}
