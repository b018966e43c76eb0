using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>How the places a value goes to are named in messages: <c>property 'Password'</c>, <c>constant 'WifiKey'</c>.</summary>
internal static class CredentialTargets
{
    public static string Describe(ISymbol symbol) => symbol switch
    {
        IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true } => $"constant '{symbol.Name}'",
        IFieldSymbol => $"field '{symbol.Name}'",
        IPropertySymbol => $"property '{symbol.Name}'",
        ILocalSymbol => $"variable '{symbol.Name}'",
        IParameterSymbol => $"parameter '{symbol.Name}'",
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => $"property '{property.Name}'",
        _ => $"the return value of '{symbol.Name}'",
    };

    /// <summary>
    /// The member an assignment writes (<c>cfg.Password</c>, <c>Password</c> in an object initializer), also when its
    /// type did not resolve (then without a symbol); null for anything else (an indexer, a tuple, an event).
    /// </summary>
    public static (string Name, ISymbol? Symbol)? AssignedMember(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Arguments.Length: 0 } property => (property.Property.Name, property.Property),
        IFieldReferenceOperation field => (field.Field.Name, field.Field),
        ILocalReferenceOperation local => (local.Local.Name, local.Local),
        IParameterReferenceOperation parameter => (parameter.Parameter.Name, parameter.Parameter),
        IInvalidOperation { Syntax: IdentifierNameSyntax identifier } => (identifier.Identifier.ValueText, null),
        IInvalidOperation { Syntax: MemberAccessExpressionSyntax access } => (access.Name.Identifier.ValueText, null),
        _ => null,
    };

    /// <summary>The key of an indexer write (<c>headers["Authorization"] = ...</c>), resolved or not.</summary>
    public static IOperation? IndexerKey(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Arguments.Length: 1 } indexer => indexer.Arguments[0].Value,
        IInvalidOperation { Syntax: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access } invalid =>
            invalid.ChildOperations.FirstOrDefault(c => c.Syntax == access.ArgumentList.Arguments[0].Expression),
        _ => null,
    };

    /// <summary>Where a value written in place ends up: the call, variable, field or property it is given to.</summary>
    public static string Destination(IOperation operation, ISymbol containingSymbol)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IArgumentOperation or IBinaryOperation or IInterpolationOperation
                    or IInterpolatedStringTextOperation or IInterpolatedStringOperation or IParenthesizedOperation
                    or IVariableInitializerOperation:
                    current = parent;
                    continue;
                case IVariableDeclaratorOperation declarator:
                    return Describe(declarator.Symbol);
                case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                    return Describe(field.InitializedFields[0]);
                case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                    return Describe(property.InitializedProperties[0]);
                case IParameterInitializerOperation parameter:
                    return Describe(parameter.Parameter);
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return AssignedMember(assignment.Target) switch
                    {
                        { Symbol: { } symbol } => Describe(symbol),
                        { Name: var name } => $"property '{name}'",
                        null => "a string literal",
                    };
                case IReturnOperation:
                    return Describe(containingSymbol);
                default:
                    return CallSite.TryCreate(parent, out var site) ? CredentialApis.Describe(site) : "a string literal";
            }
        }

        return "a string literal";
    }
}
