using System.Collections;
using ComplianceAuditor.Core.Collections;

namespace ComplianceAuditor.Reporting;

/// <summary>Several lists read as one, without copying them.</summary>
internal sealed class ConcatenatedList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T>[] _parts;
    private readonly PartStarts _starts;

    public ConcatenatedList(IEnumerable<IReadOnlyList<T>> parts)
    {
        _parts = parts.ToArray();
        _starts = new PartStarts(_parts.Select(p => p.Count));
    }

    public int Count => _starts.Count;

    public T this[int index]
    {
        get
        {
            var part = _starts.PartOf(index);
            return _parts[part][index - _starts.StartOf(part)];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var part in _parts)
        {
            foreach (var item in part)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
