using System.Collections;
using ComplianceAuditor.Core.Collections;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The results a provision rests on, in the audit's order: a view of the runs of the rules linked to it, read from
/// the audit's list when asked for rather than copied (on a large tree a provision can rest on most of the results).
/// </summary>
internal sealed class LinkedResults : IReadOnlyList<CheckResult>
{
    private readonly IReadOnlyList<CheckResult> _all;
    private readonly PartStarts _starts;

    public LinkedResults(IReadOnlyList<CheckResult> all, IReadOnlyList<ResultRun> runs)
    {
        _all = all;
        Runs = runs;
        _starts = new PartStarts(runs.Select(r => r.Count));
    }

    /// <summary>The runs, in the order of the audit's list.</summary>
    public IReadOnlyList<ResultRun> Runs { get; }

    public int Count => _starts.Count;

    public CheckResult this[int index]
    {
        get
        {
            var run = _starts.PartOf(index);
            return _all[Runs[run].Start + index - _starts.StartOf(run)];
        }
    }

    public IEnumerator<CheckResult> GetEnumerator()
    {
        foreach (var run in Runs)
        {
            for (var i = 0; i < run.Count; i++)
            {
                yield return _all[run.Start + i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
