using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Randomness;

/// <summary>
/// Follows the output of one System.Random call inside its method body until it reaches a place named as a secret:
/// through conversions, arithmetic, string building, formatting (<c>ToString("X")</c>, <c>Convert.ToBase64String</c>),
/// array element writes and locals. It never leaves the method: a field or property is judged by its name and not
/// followed further, and calls are followed only through well-known conversions and helpers that return text or
/// bytes. Values that end in a delay, a comparison, a lambda (OrderBy(_ => rng.Next())) or anything else unnamed
/// are not secrets.
/// </summary>
internal sealed class RandomFlow
{
    private const int MaxSymbols = 16;

    private readonly IOperation root;
    private readonly ISymbol containingSymbol;
    private readonly HashSet<ISymbol> visited = new(SymbolEqualityComparer.Default);

    private RandomFlow(IOperation root, ISymbol containingSymbol)
    {
        this.root = root;
        this.containingSymbol = containingSymbol;
    }

    /// <summary>What the call's output makes ("a token"), or what the buffer NextBytes fills is; null for neither.</summary>
    public static string? SecretMadeBy(IInvocationOperation call, ISymbol containingSymbol)
    {
        var root = (IOperation)call;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var flow = new RandomFlow(root, containingSymbol);
        if (call.TargetMethod.Name == "NextBytes")
        {
            return call.Arguments.Length == 1 ? flow.StoredInto(call.Arguments[0].Value) : null;
        }

        return flow.Follow(call);
    }

    private string? Follow(IOperation value)
    {
        var current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IUnaryOperation or ICoalesceOperation
                    or IInterpolationOperation or IInterpolatedStringOperation or IArrayElementReferenceOperation
                    or IArrayInitializerOperation or IArrayCreationOperation or IVariableInitializerOperation:
                    break;
                case IBinaryOperation binary when binary.Type?.SpecialType != SpecialType.System_Boolean:
                    break;
                case IConditionalOperation conditional when conditional.Condition != current:
                    break;
                case IArgumentOperation argument:
                    return FollowArgument(argument);
                case IInvocationOperation invocation when invocation.Instance == current:
                    if (invocation.TargetMethod.Name is "CopyTo" or "TryCopyTo" && invocation.Arguments.Length > 0)
                    {
                        return StoredInto(invocation.Arguments[0].Value);
                    }

                    if (!Transfers(invocation.TargetMethod.ReturnType))
                    {
                        return null;
                    }

                    break;
                case IAssignmentOperation assignment when assignment.Value == current:
                    return StoredInto(assignment.Target);
                case IVariableDeclaratorOperation declarator:
                    return Stored(declarator.Symbol);
                case IReturnOperation:
                    return Returned(parent);
                case IForEachLoopOperation loop when loop.Collection == current:
                    return loop.Locals.Select(Stored).FirstOrDefault(w => w is not null);
                default:
                    return null;
            }

            current = parent;
        }

        return null;
    }

    // An argument carries the value into the call's result (Convert.ToHexString(bytes)), into the receiver
    // (sb.Append(c)), into a destination (Array.Copy) or into a parameter named as a secret (SetToken(value)).
    private string? FollowArgument(IArgumentOperation argument)
    {
        if (argument.Parameter is { } parameter && IsSecretParameter(parameter) && SecretValueNames.Match(parameter.Name) is { } what)
        {
            return what;
        }

        var call = argument.Parent;
        if (call is IPropertyReferenceOperation)
        {
            // An index: chars[rng.Next(chars.Length)] picks a random element, which goes on from there.
            return Follow(call);
        }

        var method = call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        if (method is null)
        {
            return null;
        }

        if (RandomTransfers.Destination(method, call!) is { } destination && destination != argument)
        {
            return StoredInto(destination.Value);
        }

        if (call is IInvocationOperation { Instance: { } receiver } && RandomTransfers.FillsReceiver(method))
        {
            return StoredInto(receiver) ?? (Transfers(method.ReturnType) ? Follow(call) : null);
        }

        return RandomTransfers.PassesThrough(method) && (method.MethodKind == MethodKind.Constructor || Transfers(method.ReturnType))
            ? Follow(call!)
            : null;
    }

    // Where a value (or a buffer filled with random bytes) is written: a named variable, field, property or parameter.
    private string? StoredInto(IOperation target)
    {
        while (true)
        {
            switch (target)
            {
                case IConversionOperation conversion:
                    target = conversion.Operand;
                    continue;
                case IArrayElementReferenceOperation element:
                    target = element.ArrayReference;
                    continue;
                case IPropertyReferenceOperation { Arguments.Length: > 0, Instance: { } indexed }:
                    target = indexed;
                    continue;
                case IInvocationOperation { Instance: { } spanned, TargetMethod.Name: "AsSpan" or "AsMemory" or "Slice" }:
                    target = spanned;
                    continue;
                case IInvocationOperation { Instance: null, TargetMethod.Name: "AsSpan" or "AsMemory", Arguments.Length: > 0 } extension:
                    target = extension.Arguments[0].Value;
                    continue;
                case IObjectCreationOperation { Arguments.Length: > 0 } span when span.Type?.Name is "Span" or "Memory":
                    target = span.Arguments[0].Value;
                    continue;
                case ILocalReferenceOperation local:
                    return Stored(local.Local);
                case IParameterReferenceOperation parameter:
                    return Stored(parameter.Parameter);
                case IFieldReferenceOperation field:
                    return Stored(field.Field);
                case IPropertyReferenceOperation property:
                    return Stored(property.Property);
                default:
                    return null;
            }
        }
    }

    // A named place: its name decides; a local or parameter that is not named so is followed to where it is read.
    private string? Stored(ISymbol symbol)
    {
        if (!visited.Add(symbol) || visited.Count > MaxSymbols || !CanHoldSecret(symbol))
        {
            return null;
        }

        if (SecretValueNames.Match(symbol.Name) is { } what)
        {
            return what;
        }

        if (symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return null;
        }

        foreach (var reference in root.Descendants())
        {
            var referenced = reference switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
                _ => null,
            };
            if (SymbolEqualityComparer.Default.Equals(referenced, symbol) && !IsWriteTarget(reference) && Follow(reference) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private string? Returned(IOperation returnOperation)
    {
        for (var parent = returnOperation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ILocalFunctionOperation local:
                    return SecretValueNames.Match(local.Symbol.Name);
                case IAnonymousFunctionOperation lambda:
                    // Select(_ => chars[rng.Next(chars.Length)]): the lambda's results are the query's elements.
                    return RandomTransfers.SelectorCall(lambda) is { } query ? Follow(query) : null;
            }
        }

        var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : containingSymbol;
        return SecretValueNames.Match(member.Name);
    }

    private static bool IsWriteTarget(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    // A parameter typed by a type parameter or object (Dictionary<TKey, TValue>.Add(key, ...)) is a slot, not a secret.
    private static bool IsSecretParameter(IParameterSymbol parameter) =>
        parameter.OriginalDefinition.Type is not ITypeParameterSymbol && parameter.Type.SpecialType != SpecialType.System_Object;

    private static bool Transfers(ITypeSymbol type) =>
        type.SpecialType is not (SpecialType.System_Void or SpecialType.System_Boolean) && type.TypeKind != TypeKind.Enum;

    // Flags, enums, times and fractions are not what secrets are kept in.
    private static bool CanHoldSecret(ISymbol symbol)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return type is null || (type.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Double or SpecialType.System_Single
            or SpecialType.System_DateTime) && type.TypeKind != TypeKind.Enum && type.Name != "TimeSpan");
    }
}
