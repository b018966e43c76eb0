using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// The text of a URL (or MQTT host) as far as the source fixes it, and the literal that fixes its beginning. Follows
/// string literals, interpolated strings and concatenations by their leading part, <c>new Uri(...)</c>, and locals,
/// fields (const or not) and properties with an initialiser in source, collecting the names on the way (they tell
/// what the URL is for). Parts the source does not fix show as <c>{expression}</c>. Syntax first, so that it reads
/// code whose types did not resolve; the semantic model of the analysed tree follows names and constants.
/// </summary>
internal sealed class UrlValue
{
    private const int MaxDepth = 6;

    private UrlValue(string text, Location location, ImmutableArray<string> names)
    {
        Text = text;
        Location = location;
        Names = names;
    }

    public string Text { get; }

    /// <summary>Where the URL's first fixed part is written: the literal to report.</summary>
    public Location Location { get; }

    /// <summary>Names of the variables, fields and properties the value went through, and of the expressions in it.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The URL <paramref name="expression"/> evaluates to; null when its beginning is not fixed in source.</summary>
    public static UrlValue? Resolve(ExpressionSyntax expression, SemanticModel? model, CancellationToken cancellationToken) =>
        Resolve(expression, model, 0, cancellationToken);

    private static UrlValue? Resolve(ExpressionSyntax expression, SemanticModel? model, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        expression = Strip(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return new UrlValue(literal.Token.ValueText, literal.GetLocation(), ImmutableArray<string>.Empty);
            case InterpolatedStringExpressionSyntax interpolated:
                return Interpolated(interpolated, model, depth, cancellationToken);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Resolve(binary.Left, model, depth + 1, cancellationToken) is { } left
                    ? left.Append(Resolve(binary.Right, model, depth + 1, cancellationToken), binary.Right)
                    : null;
            case BaseObjectCreationExpressionSyntax creation when IsUri(creation, model, cancellationToken) && creation.ArgumentList?.Arguments.Count > 0:
                var arguments = creation.ArgumentList.Arguments;
                var baseUri = Resolve(arguments[0].Expression, model, depth + 1, cancellationToken);
                return arguments.Count > 1 && baseUri is not null
                    ? baseUri.Append(Resolve(arguments[1].Expression, model, depth + 1, cancellationToken), arguments[1].Expression, "/")
                    : baseUri;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when model is not null && model.SyntaxTree == expression.SyntaxTree:
                return Symbol(model.GetSymbolInfo(expression, cancellationToken).Symbol, model, depth, cancellationToken);
            default:
                return null;
        }
    }

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    private static UrlValue? Interpolated(InterpolatedStringExpressionSyntax interpolated, SemanticModel? model, int depth, CancellationToken cancellationToken)
    {
        UrlValue? value = null;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                var part = new UrlValue(text.TextToken.ValueText, interpolated.GetLocation(), ImmutableArray<string>.Empty);
                value = value is null ? part : value.Append(part, null);
            }
            else if (content is InterpolationSyntax hole)
            {
                var part = Resolve(hole.Expression, model, depth + 1, cancellationToken);
                if (value is null)
                {
                    // A URL that starts with a hole is fixed only when the hole is.
                    value = part;
                    if (value is null)
                    {
                        return null;
                    }
                }
                else
                {
                    value = value.Append(part, hole.Expression);
                }
            }
        }

        return value ?? new UrlValue("", interpolated.GetLocation(), ImmutableArray<string>.Empty);
    }

    private static UrlValue? Symbol(ISymbol? symbol, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is null)
            {
                continue;
            }

            // A field of another file: its syntax can still be read, its names no longer resolved.
            var initializerModel = initializer.SyntaxTree == model.SyntaxTree ? model : null;
            var value = Resolve(initializer, initializerModel, depth + 1, cancellationToken);
            if (value is null && symbol is IFieldSymbol { HasConstantValue: true, ConstantValue: string constant })
            {
                value = new UrlValue(constant, initializer.GetLocation(), ImmutableArray<string>.Empty);
            }

            return value?.WithName(symbol.Name);
        }

        return null;
    }

    private static bool IsUri(BaseObjectCreationExpressionSyntax creation, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (creation is ObjectCreationExpressionSyntax { Type: var type })
        {
            return type switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Uri",
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "Uri",
                _ => false,
            };
        }

        return model is not null && model.SyntaxTree == creation.SyntaxTree && model.GetTypeInfo(creation, cancellationToken).Type?.Name == "Uri";
    }

    private UrlValue WithName(string name) => new(Text, Location, Names.Add(name));

    /// <summary>This value followed by <paramref name="next"/>, or by <c>{expression}</c> where the source does not fix it.</summary>
    private UrlValue Append(UrlValue? next, ExpressionSyntax? expression, string separator = "")
    {
        var names = Names;
        string text;
        if (next is not null)
        {
            text = next.Text;
            names = names.AddRange(next.Names);
        }
        else
        {
            text = "{" + expression + "}";
            names = names.AddRange(expression?.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText) ?? []);
        }

        if (separator.Length > 0 && !Text.EndsWith(separator, StringComparison.Ordinal) && !text.StartsWith(separator, StringComparison.Ordinal))
        {
            text = separator + text;
        }

        return new UrlValue(Text + text, Location, names);
    }
}
