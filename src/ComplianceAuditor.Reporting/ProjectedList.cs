using System.Collections;

namespace ComplianceAuditor.Reporting;

/// <summary>
/// A read-only list whose items are made from a source list when they are read, and not kept. The report's
/// artifacts, results and provision links are such lists: an audit of a large tree has hundreds of thousands of
/// each, and holding a second, report-shaped copy of all of them doubled the audit's memory. Every reader gets equal
/// items in the same order; items are made again on each read, so readers should take each one once.
/// </summary>
internal sealed class ProjectedList<TSource, TResult>(IReadOnlyList<TSource> source, Func<TSource, TResult> map) : IReadOnlyList<TResult>
{
    public int Count => source.Count;

    public TResult this[int index] => map(source[index]);

    public IEnumerator<TResult> GetEnumerator()
    {
        for (var i = 0; i < source.Count; i++)
        {
            yield return map(source[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
