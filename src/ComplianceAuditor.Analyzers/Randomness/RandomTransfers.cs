using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Randomness;

/// <summary>
/// The calls a random value is followed through: conversions and encodings that return it in another form, builders
/// and collections it is added to, and copies into a destination buffer. Anything else ends the flow, so a random
/// delay passed to Task.Delay or a random index given to an unknown method is not followed into its result.
/// </summary>
internal static class RandomTransfers
{
    private static readonly ImmutableHashSet<string> PassThroughTypes = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "System.Convert", "System.BitConverter", "System.String", "System.Math", "System.MathF", "System.Guid",
        "System.Linq.Enumerable", "System.Buffers.Text.Base64", "System.Net.WebUtility", "System.Uri", "System.Char",
        "System.Array", "System.MemoryExtensions",
    ]);

    private static readonly ImmutableHashSet<string> ReceiverFillers = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "Append", "AppendLine", "AppendFormat", "AppendJoin", "Insert", "Add", "AddRange", "Push", "Enqueue",
    ]);

    private static readonly ImmutableHashSet<string> DestinationParameters = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "destination", "destinationArray", "dest", "dst",
    ]);

    /// <summary>Whether a call returns (a form of) what it is given.</summary>
    public static bool PassesThrough(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (PassThroughTypes.Contains(FullName(type)) || InheritsFrom(type, "System.Text.Encoding"))
        {
            return true;
        }

        // The project's own helpers that turn bytes or numbers into text or bytes (ToHex(buffer)).
        return method.Locations.Any(l => l.IsInSource) && ReturnsTextOrBytes(method.ReturnType);
    }

    /// <summary>StringBuilder.Append, List.Add and the like: what is passed in ends up in the receiver.</summary>
    public static bool FillsReceiver(IMethodSymbol method) =>
        ReceiverFillers.Contains(method.Name) && method.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) == true;

    /// <summary>The destination argument of a copy or encoding into a buffer (Array.Copy, Buffer.BlockCopy, BinaryPrimitives.Write*).</summary>
    public static IArgumentOperation? Destination(IMethodSymbol method, IOperation call)
    {
        if (method.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        return arguments.FirstOrDefault(a => a.Parameter is { } p && DestinationParameters.Contains(p.Name) && p.Type.TypeKind is TypeKind.Array or TypeKind.Struct);
    }

    /// <summary>The Select or SelectMany call a lambda is the selector of.</summary>
    public static IOperation? SelectorCall(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" or "SelectMany" } query } ? query : null;
    }

    private static bool ReturnsTextOrBytes(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char };

    // Metadata names, not display names: a display name says "string" where the set says System.String.
    private static string FullName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static bool InheritsFrom(ITypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (FullName(t) == name)
            {
                return true;
            }
        }

        return false;
    }
}
