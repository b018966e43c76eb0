using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// What a call or object creation calls, whether or not the compiler could bind it. Resolved calls give their method;
/// a call the compiler could not bind (an unresolved platform type, an overload that does not fit) gives the names as
/// written, with the receiver's type name when the semantic model knows it (an error type keeps its name).
/// </summary>
public readonly struct CallSite
{
    private CallSite(string? ns, string type, string member, IMethodSymbol? method, ITypeSymbol? receiverType, ImmutableArray<IOperation> arguments)
    {
        Namespace = ns;
        Type = type;
        Member = member;
        Method = method;
        ReceiverType = receiverType;
        Arguments = arguments;
    }

    /// <summary>The containing type's namespace; null when it did not resolve.</summary>
    public string? Namespace { get; }

    /// <summary>The containing type's simple name, or the name written before the member for an unbound call.</summary>
    public string Type { get; }

    /// <summary>The member name; <c>.ctor</c> for an object creation.</summary>
    public string Member { get; }

    /// <summary>The bound method (or the single candidate of a failed overload resolution); null when none.</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>The static type of the receiver expression, when there is one and the model knows it.</summary>
    public ITypeSymbol? ReceiverType { get; }

    /// <summary>
    /// The argument values in source order (for an unbound call, the operations the compiler made of the arguments).
    /// </summary>
    public ImmutableArray<IOperation> Arguments { get; }

    /// <summary>The call an invocation, object creation or unbound call stands for; false for any other operation.</summary>
    public static bool TryCreate(IOperation operation, out CallSite site) => TryCreate(operation, null, out site);

    /// <summary>
    /// The same, with the semantic model to use when the operation has none: the operations of a control-flow graph
    /// are copies without one, so an unbound call there needs the model of the tree it came from.
    /// </summary>
    public static bool TryCreate(IOperation operation, SemanticModel? model, out CallSite site)
    {
        site = default;
        switch (operation)
        {
            case IInvocationOperation invocation:
                site = new CallSite(
                    ApiName.NamespaceOf(invocation.TargetMethod.ContainingType), invocation.TargetMethod.ContainingType.Name,
                    invocation.TargetMethod.Name, invocation.TargetMethod, invocation.Instance?.Type,
                    invocation.Arguments.Select(a => a.Value).ToImmutableArray());
                return true;
            case IObjectCreationOperation creation when creation.Type is { } created:
                site = new CallSite(
                    ApiName.NamespaceOf(created), created.Name, ".ctor", creation.Constructor, null,
                    creation.Arguments.Select(a => a.Value).ToImmutableArray());
                return true;
            case IInvalidOperation invalid:
                return TryUnbound(invalid, invalid.SemanticModel ?? model, out site);
            default:
                return false;
        }
    }

    private static bool TryUnbound(IInvalidOperation invalid, SemanticModel? model, out CallSite site)
    {
        site = default;
        if (model is null)
        {
            return false;
        }

        var arguments = invalid.ChildOperations.ToImmutableArray();
        switch (invalid.Syntax)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
            {
                var candidate = model.GetSymbolInfo(invalid.Syntax).CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
                var receiver = model.GetTypeInfo(access.Expression).Type ?? model.GetSymbolInfo(access.Expression).Symbol as ITypeSymbol;
                var typeName = candidate?.ContainingType.Name ?? receiver?.Name;
                if (string.IsNullOrEmpty(typeName))
                {
                    typeName = SyntaxNames.LastIdentifier(access.Expression);
                }

                // The receiver is itself an operation among the children of an unbound call: keep the arguments only.
                var argumentValues = ArgumentsOf(invalid, ((InvocationExpressionSyntax)invalid.Syntax).ArgumentList);
                var ns = candidate is not null ? ApiName.NamespaceOf(candidate.ContainingType) : receiver is null ? null : ApiName.NamespaceOf(receiver);
                site = new CallSite(ns, typeName!, access.Name.Identifier.ValueText, candidate, receiver, argumentValues);
                return true;
            }

            case ObjectCreationExpressionSyntax creation:
            {
                var type = model.GetTypeInfo(creation).Type;
                var name = type is { Name.Length: > 0 } ? type.Name : SyntaxNames.LastIdentifier(creation.Type);
                site = new CallSite(type is null ? null : ApiName.NamespaceOf(type), name, ".ctor", null, null,
                    creation.ArgumentList is null ? arguments : ArgumentsOf(invalid, creation.ArgumentList));
                return true;
            }

            default:
                return false;
        }
    }

    private static ImmutableArray<IOperation> ArgumentsOf(IInvalidOperation invalid, ArgumentListSyntax list)
    {
        var spans = list.Arguments.Select(a => a.Expression.Span).ToList();
        var values = new IOperation?[spans.Count];
        foreach (var child in invalid.ChildOperations)
        {
            var syntax = child is IArgumentOperation argument ? argument.Value.Syntax : child.Syntax;
            var index = spans.IndexOf(syntax.Span);
            if (index >= 0)
            {
                values[index] = child is IArgumentOperation a ? a.Value : child;
            }
        }

        return values.Where(v => v is not null).Select(v => v!).ToImmutableArray();
    }
}
