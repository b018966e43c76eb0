using System.Collections;

namespace ComplianceAuditor.Reporting;

/// <summary>Several lists read as one, without copying them.</summary>
internal sealed class ConcatenatedList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T>[] _parts;
    private readonly int[] _starts;

    public ConcatenatedList(IEnumerable<IReadOnlyList<T>> parts)
    {
        _parts = parts.ToArray();
        _starts = new int[_parts.Length];
        var count = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            _starts[i] = count;
            count = checked(count + _parts[i].Count);
        }

        Count = count;
    }

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var part = Array.BinarySearch(_starts, index);

            // An empty part shares its start with the next one: take the last part starting there.
            if (part < 0)
            {
                part = ~part - 1;
            }
            else
            {
                while (part + 1 < _parts.Length && _starts[part + 1] == index)
                {
                    part++;
                }
            }

            return _parts[part][index - _starts[part]];
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
