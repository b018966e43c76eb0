using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine.History;

/// <summary>
/// The results a history phase records, at most <see cref="MaxPerRule"/> per rule: a crafted history can add a secret
/// in each of a million commits. Which ones are kept does not depend on the order the workers finish in: those first
/// in report order (artifact path, then evidence key), the others only counted. Safe to use from several threads.
/// </summary>
internal sealed class RecordedResults(int rules)
{
    public const int MaxPerRule = 10_000;

    private static readonly Comparer<CheckResult> ReportOrder = Comparer<CheckResult>.Create(static (a, b) =>
    {
        var byPath = string.CompareOrdinal(a.Artifact, b.Artifact);
        return byPath != 0 ? byPath : string.CompareOrdinal(a.EvidenceKey, b.EvidenceKey);
    });

    private readonly SortedSet<CheckResult>[] _kept = [.. Enumerable.Range(0, rules).Select(_ => new SortedSet<CheckResult>(ReportOrder))];
    private readonly int[] _failures = new int[rules];
    private readonly int[] _undecided = new int[rules];
    private readonly int[] _dropped = new int[rules];

    /// <summary>Records a result; returns whether it is kept (for now: a later one may still push it out).</summary>
    public bool Add(int rule, CheckResult result)
    {
        lock (_kept[rule])
        {
            if (result.Outcome == Outcome.Fail)
            {
                _failures[rule]++;
            }
            else
            {
                _undecided[rule]++;
            }

            var kept = _kept[rule];
            kept.Add(result);
            if (kept.Count <= MaxPerRule)
            {
                return true;
            }

            var last = kept.Max!;
            kept.Remove(last);
            _dropped[rule]++;
            return !ReferenceEquals(last, result);
        }
    }

    /// <summary>The kept results of every rule, in rule then report order.</summary>
    public IEnumerable<(int Rule, CheckResult Result)> InOrder() =>
        _kept.SelectMany((set, rule) => set.Select(r => (rule, r)));

    public int Failures(int rule) => _failures[rule];

    public int Undecided(int rule) => _undecided[rule];

    /// <summary>Results of the rule found but not kept, past the bound.</summary>
    public int Dropped(int rule) => _dropped[rule];
}
