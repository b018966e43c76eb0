using System.Collections;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The results a provision rests on, in the audit's order: a view of the runs of the rules linked to it, read from
/// the audit's list when asked for rather than copied (on a large tree a provision can rest on most of the results).
/// </summary>
internal sealed class LinkedResults : IReadOnlyList<CheckResult>
{
    private readonly IReadOnlyList<CheckResult> _all;
    private readonly int[] _offsets;

    public LinkedResults(IReadOnlyList<CheckResult> all, IReadOnlyList<ResultRun> runs)
    {
        _all = all;
        Runs = runs;
        _offsets = new int[runs.Count];
        for (var i = 1; i < runs.Count; i++)
        {
            _offsets[i] = _offsets[i - 1] + runs[i - 1].Count;
        }

        Count = runs.Count == 0 ? 0 : _offsets[^1] + runs[^1].Count;
    }

    /// <summary>The runs, in the order of the audit's list.</summary>
    public IReadOnlyList<ResultRun> Runs { get; }

    public int Count { get; }

    public CheckResult this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var run = Array.BinarySearch(_offsets, index);
            if (run < 0)
            {
                run = ~run - 1;
            }

            // Equal offsets come only from empty runs, and runs are never empty.
            return _all[Runs[run].Start + index - _offsets[run]];
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
