using System.Collections.Concurrent;

namespace ComplianceAuditor.Engine;

/// <summary>
/// Work shared by every rule and artifact of one target: what a check must compute from the whole target before it
/// can judge any single file (a compilation of all the target's C# files). Unlike <see cref="ArtifactScratch"/> it is
/// used from many workers at once. The engine makes one per target and disposes it, and whatever disposable it holds,
/// when the target is done.
/// </summary>
public sealed class TargetWork : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _items = new(StringComparer.Ordinal);

    /// <summary>The item under <paramref name="key"/>, made by the first caller while the others wait for it.</summary>
    public T GetOrAdd<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)_items.GetOrAdd(key, _ => new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The item under <paramref name="key"/> if it was made; null otherwise.</summary>
    public T? Find<T>(string key)
        where T : class =>
        _items.TryGetValue(key, out var lazy) && lazy.IsValueCreated ? lazy.Value as T : null;

    public void Dispose()
    {
        foreach (var lazy in _items.Values.Where(l => l.IsValueCreated))
        {
            (lazy.Value as IDisposable)?.Dispose();
        }

        _items.Clear();
    }
}
