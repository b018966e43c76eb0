using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>Sorts this audit's failures against the baseline's in the one walk the report builder makes of the results.</summary>
internal sealed class BaselineTally(BaselineFile baseline)
{
    private readonly HashSet<string> _stillFailing = new(StringComparer.Ordinal);
    private int _new;
    private int _unchanged;

    public void CountFailure(string fingerprint)
    {
        if (baseline.Fingerprints.Contains(fingerprint))
        {
            _stillFailing.Add(fingerprint);
            _unchanged++;
        }
        else
        {
            _new++;
        }
    }

    /// <param name="ruleIds">The rules of this run: an absent result must name one of them.</param>
    public BaselineEntry ToEntry(IReadOnlySet<string> ruleIds)
    {
        var gone = baseline.Failures.Where(f => !_stillFailing.Contains(f.Fingerprint)).ToArray();
        var absent = gone.Where(f => ruleIds.Contains(f.RuleId)).ToArray();
        return new BaselineEntry
        {
            Source = baseline.Source,
            Sha256 = baseline.Sha256,
            New = _new,
            Unchanged = _unchanged,
            Absent = absent.Length,
            Skipped = gone.Length - absent.Length,
            Fingerprints = baseline.Fingerprints,
            AbsentFailures = absent,
        };
    }
}
