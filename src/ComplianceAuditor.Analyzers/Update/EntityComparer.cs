using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// Compares the keys of the data-flow state: symbols (locals, parameters, fields, properties) by symbol identity, and
/// flow captures (<see cref="Microsoft.CodeAnalysis.FlowAnalysis.CaptureId"/>) by their own equality.
/// </summary>
internal sealed class EntityComparer : IEqualityComparer<object>
{
    public static EntityComparer Instance { get; } = new();

    private EntityComparer()
    {
    }

    public new bool Equals(object? x, object? y) =>
        x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
