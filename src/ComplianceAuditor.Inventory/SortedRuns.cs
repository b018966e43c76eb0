namespace ComplianceAuditor.Inventory;

/// <summary>
/// The items of a list in ordinal order of their paths, where the list is made of runs of items added together
/// (the entries of one container): each run is sorted on its own, holding only its paths, and the sorted runs are
/// merged holding one path per run. Memory follows the largest run, not the whole list.
/// </summary>
internal static class SortedRuns
{
    /// <param name="pathOf">The path of item <c>i</c>; read a few times per item, so it may be made when asked for.</param>
    /// <param name="runStarts">Where each run starts, in increasing order; items before the first start form a run too.</param>
    /// <param name="count">How many items the list holds.</param>
    public static IEnumerable<int> InPathOrder(Func<int, string> pathOf, IReadOnlyList<int> runStarts, int count)
    {
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentNullException.ThrowIfNull(runStarts);
        var order = new int[count];
        var runs = new List<(int Start, int End)>();
        var starts = runStarts.Count > 0 && runStarts[0] == 0 ? runStarts : [0, .. runStarts];
        for (var r = 0; r < starts.Count; r++)
        {
            var start = starts[r];
            var end = r + 1 < starts.Count ? starts[r + 1] : count;
            if (end > start)
            {
                Sort(pathOf, start, end, order);
                runs.Add((start, end));
            }
        }

        // Paths are unique, so ties cannot happen; the run number keeps the order total all the same.
        var queue = new PriorityQueue<int, (string Path, int Run)>(Comparer<(string Path, int Run)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Path, b.Path);
            return c != 0 ? c : a.Run.CompareTo(b.Run);
        }));
        var next = new int[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            next[r] = runs[r].Start;
            queue.Enqueue(r, (pathOf(order[next[r]]), r));
        }

        while (queue.TryDequeue(out var run, out _))
        {
            yield return order[next[run]];
            if (++next[run] < runs[run].End)
            {
                queue.Enqueue(run, (pathOf(order[next[run]]), run));
            }
        }
    }

    /// <summary>Puts items <c>[start, end)</c> into <paramref name="order"/>, in path order.</summary>
    private static void Sort(Func<int, string> pathOf, int start, int end, int[] order)
    {
        var paths = new string[end - start];
        var indexes = new int[end - start];
        for (var i = start; i < end; i++)
        {
            paths[i - start] = pathOf(i);
            indexes[i - start] = i;
        }

        Array.Sort(paths, indexes, StringComparer.Ordinal);
        indexes.CopyTo(order, start);
    }
}
