using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>What a hash expression yields: the algorithm object, or a digest already computed.</summary>
internal enum HashValue
{
    Algorithm,
    Digest,
}

/// <summary>
/// Decides whether an MD5 or SHA-1 computation protects integrity, by following its value through the enclosing
/// member: into locals, through hex and Base64 conversions, to comparisons, signature APIs, dictionary keys and the
/// names it is stored under. Works on syntax with symbol lookups for locals only, so that code whose cryptography
/// types did not resolve reads the same as code whose types did.
/// </summary>
internal sealed partial class HashPurposeFinder
{
    private const int MaxSteps = 256;

    private static readonly HashSet<string> DigestProducers = new(StringComparer.Ordinal)
    {
        "ComputeHash", "ComputeHashAsync", "GetHashAndReset", "GetCurrentHash",
    };

    // Calls whose result still is the digest, in another form.
    private static readonly HashSet<string> Conversions = new(StringComparer.Ordinal)
    {
        "ToHexString", "ToHexStringLower", "ToBase64String", "ToString", "ToLowerInvariant", "ToUpperInvariant",
        "ToLower", "ToUpper", "Replace", "Trim", "TrimEnd", "Substring", "AsSpan", "AsMemory", "ToArray", "Concat",
        "Format", "Join",
    };

    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal)
    {
        "SequenceEqual", "Equals", "FixedTimeEquals", "Compare", "CompareOrdinal", "SequenceCompareTo", "AreEqual", "Equal",
    };

    private static readonly HashSet<string> LookupCalls = new(StringComparer.Ordinal)
    {
        "ContainsKey", "TryGetValue", "TryAdd", "GetOrAdd", "AddOrUpdate", "TryRemove", "GetOrCreate", "GetOrCreateAsync",
    };

    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private readonly HashSet<ISymbol> followedSymbols = new(SymbolEqualityComparer.Default);
    private int steps;
    private string? signature;
    private bool compared;
    private bool lookupUse;
    private NamedPurpose flowName;
    private NamedPurpose inputName;

    private HashPurposeFinder(SemanticModel model, CancellationToken cancellationToken)
    {
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>
    /// What the hash made by <paramref name="creation"/> is used to do, worded for the diagnostic; null when nothing
    /// says it protects integrity or when it serves as a key.
    /// </summary>
    /// <param name="inputs">The arguments that are hashed (for <c>HashData</c>), whose names also count.</param>
    public static string? Find(ExpressionSyntax creation, HashValue value, IEnumerable<ExpressionSyntax> inputs, SemanticModel model, CancellationToken cancellationToken)
    {
        var finder = new HashPurposeFinder(model, cancellationToken);
        finder.Follow(creation, value);
        foreach (var input in inputs)
        {
            AddNames(input, ref finder.inputName);
        }

        return finder.Verdict(creation);
    }

    private void Follow(ExpressionSyntax expression, HashValue value)
    {
        var current = expression;
        while (steps++ < MaxSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax or CheckedExpressionSyntax
                    or PostfixUnaryExpressionSyntax:
                    current = (ExpressionSyntax)current.Parent;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    current = conditional;
                    continue;
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                    current = interpolated;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.AddExpression):
                    current = binary;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    Compared(binary.Left == current ? binary.Right : binary.Left);
                    return;
                case MemberAccessExpressionSyntax access when access.Expression == current:
                    if (Member(access, value) is { } next)
                    {
                        (current, value) = next;
                        continue;
                    }

                    return;
                case ArgumentSyntax argument:
                    if (Argument(argument, value) is { } converted)
                    {
                        current = converted;
                        continue;
                    }

                    return;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    AddName(declarator.Identifier.ValueText, ref flowName);
                    FollowStored(model.GetDeclaredSymbol(declarator, cancellationToken), value);
                    return;
                case AssignmentExpressionSyntax assignment when assignment.Right == current && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    Stored(assignment, value);
                    return;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                    AddName(nameEquals.Name.Identifier.ValueText, ref flowName);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>A member used on the value: <c>md5.ComputeHash(x)</c>, <c>hash.SequenceEqual(expected)</c>, <c>hex.ToLowerInvariant()</c>.</summary>
    private (ExpressionSyntax, HashValue)? Member(MemberAccessExpressionSyntax access, HashValue value)
    {
        var name = access.Name.Identifier.ValueText;
        if (access.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != access)
        {
            return value == HashValue.Algorithm && name == "Hash" ? (access, HashValue.Digest) : null;
        }

        if (value == HashValue.Algorithm && DigestProducers.Contains(name))
        {
            foreach (var input in invocation.ArgumentList.Arguments)
            {
                AddNames(input.Expression, ref inputName);
            }

            return (invocation, HashValue.Digest);
        }

        if (value == HashValue.Digest && Comparisons.Contains(name))
        {
            Compared(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression);
            return null;
        }

        return value == HashValue.Digest && Conversions.Contains(name) ? (invocation, HashValue.Digest) : null;
    }

    /// <summary>The value passed to a call; returns the call when the call only converts the digest.</summary>
    private ExpressionSyntax? Argument(ArgumentSyntax argument, HashValue value)
    {
        if (argument.Parent is BracketedArgumentListSyntax)
        {
            lookupUse = true;
            return null;
        }

        if (argument.Parent is not ArgumentListSyntax { Parent: ExpressionSyntax call } list)
        {
            return null;
        }

        var callee = call switch
        {
            InvocationExpressionSyntax invocation => SyntaxNames.LastIdentifier(invocation.Expression),
            ObjectCreationExpressionSyntax creation => SyntaxNames.LastIdentifier(creation.Type),
            _ => "",
        };

        switch (callee)
        {
            case "SignHash" or "VerifyHash" when value == HashValue.Digest:
            case "SignData" or "VerifyData" when value == HashValue.Algorithm:
                signature = callee.StartsWith("Verify", StringComparison.Ordinal) ? "verify a signature" : "sign data";
                return null;
            case var _ when value == HashValue.Digest && call is InvocationExpressionSyntax && Conversions.Contains(callee):
                return call;
            case var _ when value == HashValue.Digest && Comparisons.Contains(callee):
                foreach (var other in list.Arguments.Where(a => a != argument))
                {
                    Compared(other.Expression);
                }

                if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiver })
                {
                    Compared(receiver.Expression);
                }

                return null;
            case var _ when LookupCalls.Contains(callee):
                lookupUse = true;
                return null;
        }

        AddName(callee, ref flowName);
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method)
        {
            var index = list.Arguments.IndexOf(argument);
            var parameter = argument.NameColon is { } nameColon
                ? method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText)
                : index < method.Parameters.Length ? method.Parameters[index] : method.Parameters.LastOrDefault(p => p.IsParams);
            if (parameter is not null)
            {
                AddName(parameter.Name, ref flowName);
            }
        }

        return null;
    }

    /// <summary><c>x = value</c>: the name of what it is stored in, and the later uses of a local or field.</summary>
    private void Stored(AssignmentExpressionSyntax assignment, HashValue value)
    {
        switch (assignment.Left)
        {
            case IdentifierNameSyntax identifier:
                AddName(identifier.Identifier.ValueText, ref flowName);
                FollowStored(model.GetSymbolInfo(identifier, cancellationToken).Symbol, value);
                if (assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax created })
                {
                    AddName(created is ObjectCreationExpressionSyntax named ? SyntaxNames.LastIdentifier(named.Type) : "", ref flowName);
                }

                break;
            case MemberAccessExpressionSyntax access:
                AddName(access.Name.Identifier.ValueText, ref flowName);
                AddName(SyntaxNames.LastIdentifier(access.Expression), ref flowName);
                if (access.Expression is ThisExpressionSyntax)
                {
                    FollowStored(model.GetSymbolInfo(access, cancellationToken).Symbol, value);
                }

                break;
            case ElementAccessExpressionSyntax element:
                // checksums[path] = hash names a table of digests; cache[path] = hash a cache.
                AddName(SyntaxNames.LastIdentifier(element.Expression), ref flowName);
                break;
        }
    }

    /// <summary>
    /// The later uses of a local (within its member, or the top-level statements) or of a field (within its type
    /// declaration): the value is often made in one statement and compared in another, or in another method.
    /// </summary>
    private void FollowStored(ISymbol? symbol, HashValue value)
    {
        if (symbol is not (ILocalSymbol or IFieldSymbol) || !followedSymbols.Add(symbol)
            || symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration
            || declaration.SyntaxTree != model.SyntaxTree)
        {
            // A field of a partial class declared in another file is out of this semantic model's reach.
            return;
        }

        var scope = symbol is IFieldSymbol
            ? declaration.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()
            : declaration.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax or CompilationUnitSyntax);
        foreach (var identifier in (scope ?? declaration).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (steps >= MaxSteps)
            {
                return;
            }

            // this.field is a use of the field like field is.
            ExpressionSyntax reference = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } qualified && qualified.Name == identifier
                ? qualified
                : identifier;
            if (identifier.Identifier.ValueText != symbol.Name
                || (reference.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference)
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                continue;
            }

            Follow(reference, value);
        }
    }
}
