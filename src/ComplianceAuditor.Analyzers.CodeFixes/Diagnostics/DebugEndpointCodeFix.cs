using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ComplianceAuditor.Analyzers.CodeFixes.Diagnostics;

/// <summary>
/// CMP4009: compiles the statement only in debug builds, by putting it between <c>#if DEBUG</c> and <c>#endif</c>.
/// Offered only where that cannot break the code: the flagged call is a whole statement of its own in a block, a
/// switch section or the top-level statements (not the body of an <c>if</c> without braces, which would lose its
/// statement), and it has its lines to itself. <c>#if DEBUG</c> rather than <c>IsDevelopment()</c>: it works for every
/// kind of call the rule reports and needs no hosting environment in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DebugEndpointCodeFix))]
[Shared]
public sealed class DebugEndpointCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "CompileOnlyInDebugBuilds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DebugEndpointInRelease);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (WrappableStatement(node) is { } statement && LinesOf(statement, text) is { } lines)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Compile only in debug builds (#if DEBUG)",
                        _ => Task.FromResult(context.Document.WithText(Wrap(text, lines))),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The statement the flagged expression is, when it sits directly in a statement list.</summary>
    private static ExpressionStatementSyntax? WrappableStatement(SyntaxNode node) =>
        node.Parent is ExpressionStatementSyntax statement && statement.Expression == node
            && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
            ? statement
            : null;

    /// <summary>The whole lines of the statement, when nothing else shares them.</summary>
    private static TextSpan? LinesOf(StatementSyntax statement, SourceText text)
    {
        var first = text.Lines.GetLineFromPosition(statement.SpanStart);
        var last = text.Lines.GetLineFromPosition(statement.Span.End);
        var before = text.ToString(TextSpan.FromBounds(first.Start, statement.SpanStart));
        var after = text.ToString(TextSpan.FromBounds(statement.Span.End, last.End)).Trim();
        var sharesLine = before.Trim().Length > 0 || (after.Length > 0 && !after.StartsWith("//", StringComparison.Ordinal));
        return sharesLine ? null : TextSpan.FromBounds(first.Start, last.EndIncludingLineBreak);
    }

    private static SourceText Wrap(SourceText text, TextSpan lines)
    {
        var last = text.Lines.GetLineFromPosition(lines.End == lines.Start ? lines.Start : lines.End - 1);
        var lineBreak = last.EndIncludingLineBreak > last.End ? text.ToString(TextSpan.FromBounds(last.End, last.EndIncludingLineBreak)) : null;
        var newLine = lineBreak ?? FirstLineBreak(text);
        return text.WithChanges(
            new TextChange(new TextSpan(lines.Start, 0), "#if DEBUG" + newLine),
            new TextChange(new TextSpan(lines.End, 0), (lineBreak is null ? newLine : "") + "#endif" + newLine));
    }

    private static string FirstLineBreak(SourceText text)
    {
        foreach (var line in text.Lines)
        {
            if (line.EndIncludingLineBreak > line.End)
            {
                return text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            }
        }

        return "\n";
    }
}
