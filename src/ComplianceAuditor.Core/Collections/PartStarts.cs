namespace ComplianceAuditor.Core.Collections;

/// <summary>
/// Where each part of a list made of parts starts, and which part holds an index: for the lists that read several
/// lists (targets, rules, runs of a rule) as one without copying them.
/// </summary>
public sealed class PartStarts
{
    private readonly int[] _starts;

    public PartStarts(IEnumerable<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var starts = new List<int>();
        var total = 0;
        foreach (var count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            starts.Add(total);
            total = checked(total + count);
        }

        _starts = [.. starts];
        Count = total;
    }

    /// <summary>The number of items in all parts.</summary>
    public int Count { get; }

    public int StartOf(int part) => _starts[part];

    /// <summary>The part holding item <paramref name="index"/>: the last one starting at or before it, so empty parts are passed over.</summary>
    public int PartOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int lo = 0, hi = _starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_starts[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
