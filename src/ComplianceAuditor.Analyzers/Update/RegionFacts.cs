using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// What one analysed region (a method body, a lambda, a local function) says regardless of the path taken: the values
/// assigned to each local and flow capture, which captures merely copy a variable, and which variables hold a stream
/// opened on an update location. Flow-insensitive on purpose: a stream variable is opened once, and a path constant
/// does not change between the open and the write.
/// </summary>
internal sealed class RegionFacts
{
    private const int MaxDepth = 6;

    private readonly Dictionary<object, List<IOperation>> _assigned = new(EntityComparer.Instance);
    private readonly Dictionary<CaptureId, object> _aliases = [];
    private readonly HashSet<object> _flashStreams = new(EntityComparer.Instance);
    private readonly SemanticModel _model;
    private readonly HashSet<string> _writtenElsewhere = new(StringComparer.Ordinal);

    public RegionFacts(ControlFlowGraph graph, SemanticModel model)
    {
        _model = model;
        CollectWritesElsewhere(graph.OriginalOperation.Syntax);
        foreach (var operation in graph.Blocks.SelectMany(Roots).SelectMany(r => r.DescendantsAndSelf()))
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment when EntityOf(assignment.Target) is { } target:
                    Add(target, assignment.Value);
                    break;
                case IFlowCaptureOperation capture:
                    Add(capture.Id, capture.Value);
                    if (EntityOf(capture.Value) is { } copied and not CaptureId)
                    {
                        _aliases[capture.Id] = copied;
                    }

                    break;
            }
        }

        // A stream that wraps a stream on an update location writes there too, so the marking spreads to a fixed point.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var pair in _assigned)
            {
                if (!_flashStreams.Contains(pair.Key) && pair.Value.Any(v => OpensUpdateLocation(v, 0)))
                {
                    changed |= _flashStreams.Add(pair.Key);
                }
            }
        }
    }

    /// <summary>
    /// Can a bool variable of this name change other than by an assignment the walk sees (an out or ref argument, a
    /// lambda or local function that assigns it)? Then what it said about verification may be out of date.
    /// </summary>
    public bool IsWrittenElsewhere(object variable) => variable is ISymbol symbol && _writtenElsewhere.Contains(symbol.Name);

    /// <summary>The operations a block evaluates: its statements and its branch value.</summary>
    public static IEnumerable<IOperation> Roots(BasicBlock block) =>
        block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);

    public IEnumerable<IOperation> AssignedValues(object? entity) =>
        entity is not null && _assigned.TryGetValue(entity, out var values) ? values : [];

    /// <summary>The variable a write through <paramref name="operation"/> lands in, seeing through capture copies.</summary>
    public object? WriteTarget(IOperation operation)
    {
        var entity = EntityOf(operation);
        return entity is CaptureId id && _aliases.TryGetValue(id, out var copied) ? copied : entity;
    }

    /// <summary>Is <paramref name="operation"/> a stream (or writer) open on a firmware, flash or update location?</summary>
    public bool IsUpdateStream(IOperation? operation) => operation is not null && OpensUpdateLocation(operation, 0);

    /// <summary>
    /// The variable an operation reads or writes as a whole: a local, a parameter, a field or property of this object,
    /// a flow capture. A span, memory or segment over an array stands for the array; an element or member of another
    /// object stands for that object.
    /// </summary>
    public static object? EntityOf(IOperation? operation) => operation switch
    {
        IConversionOperation conversion => EntityOf(conversion.Operand),
        IArgumentOperation argument => EntityOf(argument.Value),
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFlowCaptureReferenceOperation capture => capture.Id,
        IDeclarationExpressionOperation declaration => EntityOf(declaration.Expression),
        IFieldReferenceOperation field => IsOwn(field.Instance) ? field.Field : EntityOf(field.Instance),
        IPropertyReferenceOperation property => IsOwn(property.Instance) && property.Arguments.IsEmpty ? property.Property : EntityOf(property.Instance),
        IArrayElementReferenceOperation element => EntityOf(element.ArrayReference),
        IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } view =>
            EntityOf(view.Instance ?? (view.Arguments.IsEmpty ? null : view.Arguments[0].Value)),
        IObjectCreationOperation { Type.Name: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" or "ArraySegment" } view =>
            view.Arguments.IsEmpty ? null : EntityOf(view.Arguments[0].Value),
        _ => null,
    };

    /// <summary>A member access on this object or a static member: tracked by its symbol, like a local.</summary>
    public static bool IsOwn(IOperation? instance) =>
        instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private void CollectWritesElsewhere(SyntaxNode region)
    {
        foreach (var node in region.DescendantNodes())
        {
            switch (node)
            {
                case ArgumentSyntax { Expression: IdentifierNameSyntax name } argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    _writtenElsewhere.Add(name.Identifier.ValueText);
                    break;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    foreach (var assignment in node.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (assignment.Left is IdentifierNameSyntax assigned)
                        {
                            _writtenElsewhere.Add(assigned.Identifier.ValueText);
                        }
                    }

                    break;
            }
        }
    }

    private void Add(object entity, IOperation value)
    {
        if (!_assigned.TryGetValue(entity, out var values))
        {
            _assigned[entity] = values = [];
        }

        values.Add(value);
    }

    private bool OpensUpdateLocation(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return OpensUpdateLocation(conversion.Operand, depth + 1);
            case IAwaitOperation awaited:
                return OpensUpdateLocation(awaited.Operation, depth + 1);
        }

        if (WriteTarget(operation) is { } entity)
        {
            return _flashStreams.Contains(entity);
        }

        if (!CallSite.TryCreate(operation, _model, out var site) || site.Arguments.IsEmpty)
        {
            return false;
        }

        var opensFile = (site.Type == "File" && site.Member is "Create" or "OpenWrite" or "Open")
            || (site.Type == "FileStream" && site.Member == ".ctor");
        if (opensFile)
        {
            return UpdateLocations.IsUpdateLocation(site.Arguments[0], this);
        }

        // A writer or buffer around such a stream: new BinaryWriter(fs), new BufferedStream(fs).
        return site.Member == ".ctor" && site.Arguments.Any(a => OpensUpdateLocation(a, depth + 1));
    }
}
