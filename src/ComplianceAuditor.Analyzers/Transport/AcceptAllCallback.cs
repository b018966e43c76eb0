using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// Recognises a certificate validation callback that accepts every certificate: a lambda, anonymous method or method
/// in source whose every return value is the constant <c>true</c>, or .NET's own
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. The test runs on syntax (with the semantic
/// model for constants where it has one), so it also works where the delegate type did not resolve and the compiler
/// bound the lambda to nothing.
/// </summary>
internal static class AcceptAllCallback
{
    private const string DangerousValidator = "DangerousAcceptAnyServerCertificateValidator";

    /// <summary>Is <paramref name="value"/> such a callback? <paramref name="reportAt"/> is the expression to report.</summary>
    public static bool Matches(IOperation? value, out SyntaxNode reportAt)
    {
        reportAt = null!;
        value = OperationValues.Unwrap(value);
        if (value is null)
        {
            return false;
        }

        var model = value.SemanticModel;
        switch (value)
        {
            case IAnonymousFunctionOperation function:
                reportAt = function.Syntax;
                return IsAcceptAllFunction(function.Syntax, model);
            case IMethodReferenceOperation reference:
                reportAt = reference.Syntax;
                return IsAcceptAllMethod(reference.Method, model);
            case IPropertyReferenceOperation property when property.Property.Name == DangerousValidator:
                reportAt = property.Syntax;
                return true;
        }

        // An unbound argument or assignment: fall back to what the syntax says.
        var syntax = StripParentheses(value.Syntax);
        reportAt = syntax;
        if (syntax is AnonymousFunctionExpressionSyntax)
        {
            return IsAcceptAllFunction(syntax, model);
        }

        if (syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: DangerousValidator })
        {
            return true;
        }

        if (syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax && model is not null && model.SyntaxTree == syntax.SyntaxTree)
        {
            var info = model.GetSymbolInfo(syntax);
            var method = info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
            return method is not null && IsAcceptAllMethod(method, model);
        }

        return false;
    }

    private static SyntaxNode StripParentheses(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }

    private static bool IsAcceptAllFunction(SyntaxNode syntax, SemanticModel? model) => syntax switch
    {
        LambdaExpressionSyntax lambda => ReturnsOnlyTrue((SyntaxNode?)lambda.Block ?? lambda.ExpressionBody, model),
        AnonymousMethodExpressionSyntax anonymous => ReturnsOnlyTrue(anonymous.Block, model),
        _ => false,
    };

    private static bool IsAcceptAllMethod(IMethodSymbol method, SemanticModel? model)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax() switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                _ => null,
            };
            if (body is not null)
            {
                return ReturnsOnlyTrue(body, model);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the body returns at least once and every return gives the constant true. A body that inspects the
    /// policy errors or pins a thumbprint returns a computed value somewhere, so it does not match.
    /// </summary>
    private static bool ReturnsOnlyTrue(SyntaxNode? body, SemanticModel? model)
    {
        if (body is ExpressionSyntax expression)
        {
            return IsTrue(expression, model);
        }

        if (body is not BlockSyntax block)
        {
            return false;
        }

        var returns = 0;
        foreach (var statement in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (statement is ReturnStatementSyntax ret)
            {
                if (ret.Expression is null || !IsTrue(ret.Expression, model))
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }

    private static bool IsTrue(ExpressionSyntax expression, SemanticModel? model)
    {
        var inner = (ExpressionSyntax)StripParentheses(expression);
        if (inner.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            return true;
        }

        // A named constant (const bool AcceptAll = true) counts too, where this tree's semantic model can say so.
        return model is not null && model.SyntaxTree == inner.SyntaxTree
            && model.GetConstantValue(inner) is { HasValue: true, Value: true };
    }
}
