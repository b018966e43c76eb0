namespace ComplianceAuditor.Engine;

/// <summary>
/// The check kinds an audit can run, registered explicitly (no reflection scanning), so the full list is one
/// greppable place and an unknown <c>check.kind</c> is caught at load time.
/// </summary>
public sealed class CheckRegistry
{
    private readonly Dictionary<string, ICheck> _checks = new(StringComparer.Ordinal);

    public CheckRegistry(IEnumerable<ICheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        foreach (var check in checks)
        {
            if (!_checks.TryAdd(check.Kind, check))
            {
                throw new ArgumentException($"check kind '{check.Kind}' is registered twice", nameof(checks));
            }
        }
    }

    public IEnumerable<string> Kinds => _checks.Keys.Order(StringComparer.Ordinal);

    public ICheck? Find(string kind) => _checks.GetValueOrDefault(kind);
}
