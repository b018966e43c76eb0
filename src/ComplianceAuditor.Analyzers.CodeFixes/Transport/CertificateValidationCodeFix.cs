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
/// CMP4002: takes the override away so that the platform's default validation applies again. An assignment of the
/// accept-everything callback (or of <c>AllowUntrustedCertificates = true</c>) that is a statement of its own, or an
/// entry of an object initialiser, is deleted; nanoFramework's <c>SslVerification.NoVerification</c> becomes
/// <c>CertificateRequired</c>, the one value its mbedTLS port turns into a real check. Callbacks passed as arguments
/// get no fix: the call would need another overload.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationCodeFix))]
[Shared]
public sealed class CertificateValidationCodeFix : CodeFixProvider
{
    // One key for both fixes: "fix all" restores validation wherever it was switched off, whichever way.
    private const string EquivalenceKey = "RestoreCertificateValidation";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: NanoVerification.NoVerification } access)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Require the server certificate (SslVerification.CertificateRequired)",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(access.Name, RequiredName(access.Name)))),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
            else if (RemovableOverride(node) is { } removable)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the override so that the default certificate validation applies",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, removable))),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static IdentifierNameSyntax RequiredName(SimpleNameSyntax name) =>
        SyntaxFactory.IdentifierName(NanoVerification.CertificateRequired).WithTriviaFrom(name);

    /// <summary>
    /// Deletes the node with its comments and line, but keeps any preprocessor directive written above it (a
    /// <c>#pragma</c> or <c>#if</c>) by moving it to the next token: Roslyn's own KeepDirectives leaves a blank line.
    /// </summary>
    private static SyntaxNode Remove(SyntaxNode root, SyntaxNode removable)
    {
        var directives = new List<SyntaxTrivia>();
        var leading = removable.GetLeadingTrivia();
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsDirective)
            {
                if (i > 0 && leading[i - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    directives.Add(leading[i - 1]);
                }

                directives.Add(leading[i]);
            }
        }

        if (directives.Count == 0)
        {
            return root.RemoveNode(removable, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var tracked = root.TrackNodes(removable);
        var next = tracked.GetCurrentNode(removable)!.GetLastToken().GetNextToken();
        tracked = tracked.ReplaceToken(next, next.WithLeadingTrivia(directives.Concat(next.LeadingTrivia)));
        return tracked.RemoveNode(tracked.GetCurrentNode(removable)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    /// <summary>The statement or initialiser entry that assigns the flagged value, when deleting it leaves valid code.</summary>
    private static SyntaxNode? RemovableOverride(SyntaxNode value)
    {
        var current = value;
        while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            current = current.Parent;
        }

        if (current.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != current)
        {
            return null;
        }

        return assignment.Parent switch
        {
            ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => statement,
            ExpressionStatementSyntax { Parent: GlobalStatementSyntax global } => global,
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => assignment,
            _ => null,
        };
    }
}
