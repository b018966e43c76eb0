using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ComplianceAuditor.Analyzers.CodeFixes.Randomness;

/// <summary>
/// CMP4007: replaces the System.Random call with its cryptographic equivalent, <c>r.NextBytes(buffer)</c> with
/// <c>RandomNumberGenerator.Fill(buffer)</c> and <c>r.Next(max)</c> / <c>r.Next(min, max)</c> with
/// <c>RandomNumberGenerator.GetInt32(...)</c>, which read the bounds the same way (inclusive minimum, exclusive maximum)
/// but refuse an empty range: <c>Random.Next(0)</c> returns 0 where <c>GetInt32(0)</c> throws, so a bound that can be
/// zero needs a look after the fix. Offered only where the
/// target method exists (.NET Core 3.0 and later; not netstandard2.0 or nanoFramework) and for those call shapes:
/// <c>Next()</c>, <c>NextInt64</c>, <c>NextDouble</c> and <c>GetItems</c> have no drop-in replacement. Not offered when
/// the receiver is itself a call, whose side effects the fix would drop.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureRandomCodeFix))]
[Shared]
public sealed class InsecureRandomCodeFix : CodeFixProvider
{
    private const string Namespace = "System.Security.Cryptography";
    private const string TypeName = "RandomNumberGenerator";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InsecureRandomForSecret);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is not null && Replacement(invocation, model, context.CancellationToken) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {TypeName}.{replacement.Method}",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, invocation, replacement.Arguments, replacement.Method, model))),
                        equivalenceKey: "UseRandomNumberGenerator." + replacement.Method),
                    diagnostic);
            }
        }
    }

    // The method to call instead, with the arguments in parameter order (named arguments lose their Random names).
    private static (string Method, ImmutableArray<ExpressionSyntax> Arguments)? Replacement(
        InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { Instance: { } receiver } call
            || receiver is IInvocationOperation
            || call.Arguments.Any(a => a.ArgumentKind != ArgumentKind.Explicit || a.Syntax is not ArgumentSyntax))
        {
            return null;
        }

        var method = (call.TargetMethod.Name, call.Arguments.Length) switch
        {
            ("NextBytes", 1) => "Fill",
            ("Next", 1 or 2) when call.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32) => "GetInt32",
            _ => null,
        };

        var generator = model.Compilation.GetTypeByMetadataName(Namespace + "." + TypeName);
        var exists = generator?.GetMembers(method ?? "").OfType<IMethodSymbol>()
            .Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == call.Arguments.Length) == true;
        if (method is null || !exists)
        {
            return null;
        }

        var arguments = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => ((ArgumentSyntax)a.Syntax).Expression).ToImmutableArray();
        return (method, arguments);
    }

    private static SyntaxNode Apply(SyntaxNode root, InvocationExpressionSyntax invocation, ImmutableArray<ExpressionSyntax> arguments, string method, SemanticModel model)
    {
        var inScope = model.LookupNamespacesAndTypes(invocation.SpanStart, name: TypeName)
            .Any(s => s is INamedTypeSymbol t && t.ToDisplayString() == Namespace + "." + TypeName);
        var clash = !inScope && model.LookupNamespacesAndTypes(invocation.SpanStart, name: TypeName).Any();
        ExpressionSyntax type = clash ? ParseName(Namespace + "." + TypeName) : IdentifierName(TypeName);
        var replacement = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, IdentifierName(method)),
                ArgumentList(SeparatedList(arguments.Select(a => Argument(a.WithoutTrivia())))))
            .WithTriviaFrom(invocation);
        var updated = root.ReplaceNode(invocation, replacement);
        return inScope || clash || updated is not CompilationUnitSyntax unit ? updated : UsingDirectives.Add(unit, Namespace);
    }
}
