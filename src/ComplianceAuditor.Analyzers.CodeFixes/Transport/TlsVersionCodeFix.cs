using System.Collections.Immutable;
using System.Composition;
using ComplianceAuditor.Analyzers.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.CodeFixes.Transport;

/// <summary>
/// CMP4003: takes the obsolete versions out. In a <c>|</c> combination the obsolete operands are dropped; where
/// nothing else is left, or the member stands alone, it becomes TLS 1.2 of the same enum (<c>SslProtocols.Tls12</c>,
/// <c>SecurityProtocolType.Tls12</c>, <c>MqttSslProtocols.TLSv1_2</c>). Every diagnostic of one combination rewrites
/// the whole combination the same way, so fixing them all at once gives the same text as fixing one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsVersionCodeFix))]
[Shared]
public sealed class TlsVersionCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ObsoleteTlsVersion);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax access
                || !EnumMemberUse.TryGetNames(access, out var typeName, out _))
            {
                continue;
            }

            var (oldNode, newNode) = Rewrite(access, typeName);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use TLS 1.2 or later only",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode))),
                    equivalenceKey: "UseTls12"),
                diagnostic);
        }
    }

    private static (SyntaxNode Old, SyntaxNode New) Rewrite(MemberAccessExpressionSyntax access, string typeName)
    {
        var tls12 = access.WithName(SyntaxFactory.IdentifierName(ObsoleteProtocols.Replacement(typeName)).WithTriviaFrom(access.Name));
        var chain = TopOfChain(access);
        if (chain is null)
        {
            return (access, tls12);
        }

        var kept = Operands(chain).Where(operand => !IsObsolete(operand, typeName)).ToList();
        if (kept.Count == 0)
        {
            return (chain, tls12.WithTriviaFrom(chain));
        }

        ExpressionSyntax combined = kept[0].WithoutTrivia();
        foreach (var operand in kept.Skip(1))
        {
            combined = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, combined, operand.WithoutTrivia());
        }

        return (chain, combined.WithTriviaFrom(chain));
    }

    /// <summary>The outermost <c>|</c> expression the member is an operand of (through parentheses), or null.</summary>
    private static BinaryExpressionSyntax? TopOfChain(ExpressionSyntax member)
    {
        BinaryExpressionSyntax? top = null;
        SyntaxNode current = member;
        while (current.Parent is ParenthesizedExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression })
        {
            current = current.Parent;
            if (current is BinaryExpressionSyntax binary)
            {
                top = binary;
            }
        }

        return top;
    }

    private static IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax expression)
    {
        var inner = expression;
        while (inner is ParenthesizedExpressionSyntax parenthesized)
        {
            inner = parenthesized.Expression;
        }

        if (inner is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.BitwiseOrExpression))
        {
            return Operands(binary.Left).Concat(Operands(binary.Right));
        }

        return [expression];
    }

    private static bool IsObsolete(ExpressionSyntax operand, string typeName) =>
        operand is MemberAccessExpressionSyntax access
        && EnumMemberUse.TryGetNames(access, out var operandType, out var member)
        && operandType == typeName
        && ObsoleteProtocols.TryGetVersion(typeName, member, out _);
}
