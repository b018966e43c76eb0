namespace ComplianceAuditor.Core.Compact;

/// <summary>
/// Strings that many packed records repeat (a reason such as "the file has no stack canary", an evidence kind),
/// written once and referred to by number. Bounded: past its limits a string is written in full in each record, so
/// input made of all-different strings cannot grow the table without end.
/// </summary>
/// <remarks>Written by one writer; read only once writing is over (<see cref="Seal"/>).</remarks>
public sealed class SharedStrings
{
    /// <summary>Longer strings rarely repeat (they carry offsets, paths, counts); sharing them would mostly fill the table.</summary>
    private const int MaxLength = 128;

    /// <summary>Bounds the table to about 4 MB whatever is written.</summary>
    private const int MaxCount = 1 << 14;

    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    /// <summary>Writes <paramref name="value"/>: 0 for null, 1 and the text, or its number in the table plus 2.</summary>
    public void Write(RecordWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.Count(0);
            return;
        }

        if (!_index.TryGetValue(value, out var number))
        {
            if (value.Length > MaxLength || _values.Count >= MaxCount)
            {
                writer.Count(1);
                writer.Text(value);
                return;
            }

            number = _values.Count;
            _values.Add(value);
            _index.Add(value, number);
        }

        writer.Count((ulong)number + 2);
    }

    /// <summary>Writes <paramref name="value"/> in full, for strings that are each their own (excerpts, commits).</summary>
    public static void WriteOwn(RecordWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.Count(0);
            return;
        }

        writer.Count(1);
        writer.Text(value);
    }

    /// <summary>Writing is over: the lookup that only writing needs goes; reading is unchanged.</summary>
    public void Seal()
    {
        _index.Clear();
        _index.TrimExcess();
    }

    /// <summary>Reads back what <see cref="Write"/> or <see cref="WriteOwn"/> wrote.</summary>
    public string? Read(ref RecordReader reader)
    {
        var tag = reader.Count();
        return tag switch
        {
            0 => null,
            1 => reader.Text(),
            _ => _values[checked((int)(tag - 2))],
        };
    }
}
