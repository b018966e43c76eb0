using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Diagnostics;

/// <summary>
/// Whether code only runs in a debug build or a development environment: inside <c>#if DEBUG</c> (the IDE analyses
/// Debug builds with the region active), under <c>if (env.IsDevelopment())</c>, <c>IsEnvironment("Development")</c> or
/// <c>Debugger.IsAttached</c> (or after <c>if (!env.IsDevelopment()) return;</c>), or in a method marked
/// <c>[Conditional("DEBUG")]</c>. Read from syntax: the hosting types are rarely resolvable where device code is
/// audited.
/// </summary>
internal static class DebugGuard
{
    /// <summary>Which outcome of a condition means "debug or development".</summary>
    private enum Polarity
    {
        None,
        WhenTrue,
        WhenFalse,
    }

    public static bool IsGuarded(SyntaxNode node, CancellationToken cancellationToken) =>
        InDebugRegion(node, cancellationToken) || UnderDevelopmentCondition(node) || InDebugOnlyMethod(node);

    private static bool InDebugRegion(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.SyntaxTree.GetRoot(cancellationToken) is not CompilationUnitSyntax { ContainsDirectives: true } root)
        {
            return false;
        }

        var position = node.SpanStart;
        static bool IsIf(DirectiveTriviaSyntax d) => d is IfDirectiveTriviaSyntax;
        for (var directive = root.GetFirstDirective(IsIf); directive is not null; directive = directive.GetNextDirective(IsIf))
        {
            var related = directive.GetRelatedDirectives();
            var earlierFalseMeansDebug = false;
            for (var i = 0; i + 1 < related.Count; i++)
            {
                var condition = related[i] switch
                {
                    IfDirectiveTriviaSyntax @if => @if.Condition,
                    ElifDirectiveTriviaSyntax elif => elif.Condition,
                    _ => null,
                };
                var polarity = condition is null ? Polarity.None : Of(condition, IsDebugSymbol);
                var debugBranch = polarity == Polarity.WhenTrue || earlierFalseMeansDebug;
                if (debugBranch && position >= related[i].Span.End && position < related[i + 1].SpanStart)
                {
                    return true;
                }

                earlierFalseMeansDebug |= polarity == Polarity.WhenFalse;
            }
        }

        return false;
    }

    private static bool UnderDevelopmentCondition(SyntaxNode node)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IfStatementSyntax @if when @if.Condition != child:
                    var polarity = Of(@if.Condition, IsDevelopmentCheck);
                    if ((child == @if.Statement && polarity == Polarity.WhenTrue) || (child == @if.Else && polarity == Polarity.WhenFalse))
                    {
                        return true;
                    }

                    break;
                case ConditionalExpressionSyntax conditional when conditional.Condition != child:
                    var branch = Of(conditional.Condition, IsDevelopmentCheck);
                    if ((child == conditional.WhenTrue && branch == Polarity.WhenTrue) || (child == conditional.WhenFalse && branch == Polarity.WhenFalse))
                    {
                        return true;
                    }

                    break;
                case BlockSyntax block when AfterEarlyExit(block.Statements.TakeWhile(s => s != child)):
                    return true;
                case CompilationUnitSyntax unit when child is GlobalStatementSyntax
                    && AfterEarlyExit(unit.Members.TakeWhile(m => m != child).OfType<GlobalStatementSyntax>().Select(g => g.Statement)):
                    return true;
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary><c>if (!env.IsDevelopment()) return;</c> before the statement: the rest of the block is development-only.</summary>
    private static bool AfterEarlyExit(IEnumerable<StatementSyntax> earlier) =>
        earlier.Any(s => s is IfStatementSyntax { Else: null } @if && Exits(@if.Statement) && Of(@if.Condition, IsDevelopmentCheck) == Polarity.WhenFalse);

    private static bool Exits(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => Exits(block.Statements.Last()),
        _ => false,
    };

    private static bool InDebugOnlyMethod(SyntaxNode node)
    {
        var lists = node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax) switch
        {
            BaseMethodDeclarationSyntax method => method.AttributeLists,
            LocalFunctionStatementSyntax local => local.AttributeLists,
            _ => default,
        };
        return lists.SelectMany(l => l.Attributes).Any(a =>
            SyntaxNames.LastIdentifier(a.Name) is "Conditional" or "ConditionalAttribute"
            && a.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { Token.ValueText: "DEBUG" });
    }

    /// <summary>Which outcome of <paramref name="condition"/> implies what <paramref name="isLeaf"/> recognises.</summary>
    private static Polarity Of(ExpressionSyntax condition, Func<ExpressionSyntax, bool> isLeaf)
    {
        // Hostile code can nest operations arbitrarily deep: past what the stack holds, the analyzer stops with an
        // exception the compiler reports (AD0001) rather than taking the compiler down with a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Of(parenthesized.Expression, isLeaf);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Flip(Of(unary.Operand, isLeaf));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                // a && b being true makes both true; being false says nothing about either.
                return Of(binary.Left, isLeaf) == Polarity.WhenTrue || Of(binary.Right, isLeaf) == Polarity.WhenTrue ? Polarity.WhenTrue : Polarity.None;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                return Of(binary.Left, isLeaf) == Polarity.WhenFalse || Of(binary.Right, isLeaf) == Polarity.WhenFalse ? Polarity.WhenFalse : Polarity.None;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                var (operand, literal) = binary.Right is LiteralExpressionSyntax right ? (binary.Left, right) : (binary.Right, binary.Left as LiteralExpressionSyntax);
                if (literal is null || !(literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression)))
                {
                    // env.EnvironmentName == "Development"
                    return !isLeaf(binary) ? Polarity.None : binary.IsKind(SyntaxKind.EqualsExpression) ? Polarity.WhenTrue : Polarity.WhenFalse;
                }

                var same = literal.IsKind(SyntaxKind.TrueLiteralExpression) == binary.IsKind(SyntaxKind.EqualsExpression);
                return same ? Of(operand, isLeaf) : Flip(Of(operand, isLeaf));
            default:
                return isLeaf(condition) ? Polarity.WhenTrue : Polarity.None;
        }
    }

    private static Polarity Flip(Polarity polarity) => polarity switch
    {
        Polarity.WhenTrue => Polarity.WhenFalse,
        Polarity.WhenFalse => Polarity.WhenTrue,
        _ => Polarity.None,
    };

    private static bool IsDebugSymbol(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" };

    private static bool IsDevelopmentCheck(ExpressionSyntax expression) => expression switch
    {
        InvocationExpressionSyntax invocation => SyntaxNames.LastIdentifier(invocation.Expression) switch
        {
            "IsDevelopment" => true,
            "IsEnvironment" => NamesDevelopment(invocation.ArgumentList.Arguments.LastOrDefault()?.Expression),
            _ => false,
        },
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "IsAttached" && SyntaxNames.LastIdentifier(access.Expression) == "Debugger",
        BinaryExpressionSyntax binary => (SyntaxNames.LastIdentifier(binary.Left) == "EnvironmentName" && NamesDevelopment(binary.Right))
            || (SyntaxNames.LastIdentifier(binary.Right) == "EnvironmentName" && NamesDevelopment(binary.Left)),
        IdentifierNameSyntax flag => HoldsDevelopmentCheck(flag),
        _ => false,
    };

    /// <summary><c>var isDevelopment = env.IsDevelopment(); ... if (isDevelopment)</c>: a local of the same member initialised with a check.</summary>
    private static bool HoldsDevelopmentCheck(IdentifierNameSyntax flag)
    {
        var scope = flag.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax or CompilationUnitSyntax);
        return scope is not null && scope.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(d =>
            d.Identifier.ValueText == flag.Identifier.ValueText
            && d.Initializer?.Value is { } value && value is not IdentifierNameSyntax && IsDevelopmentCheck(value));
    }

    /// <summary><c>"Development"</c> or <c>Environments.Development</c>.</summary>
    private static bool NamesDevelopment(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal => string.Equals(literal.Token.ValueText, "Development", StringComparison.OrdinalIgnoreCase),
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "Development",
        _ => false,
    };
}
