namespace ComplianceAuditor.Engine;

/// <summary>
/// Scratch space shared by the rules evaluated on one artifact (a parsed ELF file, say), so work every rule needs is
/// done once per artifact rather than once per rule. The engine runs an artifact's rules one after another on one
/// worker and disposes the scratch, and whatever disposable it holds, when they are done.
/// </summary>
public sealed class ArtifactScratch : IDisposable
{
    private readonly Dictionary<string, object> _items = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        if (_items.TryGetValue(key, out var existing))
        {
            return (T)existing;
        }

        var created = create();
        _items[key] = created;
        return created;
    }

    public void Dispose()
    {
        foreach (var item in _items.Values.OfType<IDisposable>())
        {
            item.Dispose();
        }

        _items.Clear();
    }
}
