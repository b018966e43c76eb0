using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// A string fixed in the source, and the span to report: the literal itself, or the literal a constant was declared
/// with. The CLI redacts exactly this span in its evidence, so it must cover the secret.
/// </summary>
internal readonly struct ConstantText
{
    public ConstantText(string value, Location location, ImmutableArray<ISymbol> holders)
    {
        Value = value;
        Location = location;
        Holders = holders;
    }

    public string Value { get; }

    public Location Location { get; }

    /// <summary>The constants, read-only fields and locals the value passed through on its way, nearest first.</summary>
    public ImmutableArray<ISymbol> Holders { get; }

    /// <summary>
    /// The fixed string an expression evaluates to: a literal, a constant (field or local), a read-only field or a local
    /// assigned once from one of those, or an interpolation, concatenation or
    /// <c>Convert.ToBase64String(Encoding.X.GetBytes(...))</c> made only of such parts, or the fallback of <c>??</c>.
    /// Values read at run time (configuration, environment, input) never resolve.
    /// </summary>
    public static bool TryResolve(IOperation? operation, out ConstantText text) => TryResolve(operation, 0, out text);

    private static ImmutableArray<ISymbol> None => ImmutableArray<ISymbol>.Empty;

    private static bool TryResolve(IOperation? operation, int depth, out ConstantText text)
    {
        text = default;
        operation = OperationValues.Unwrap(operation);
        if (operation is null || depth > 8)
        {
            return false;
        }

        switch (operation)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } }:
                text = new ConstantText(literal, operation.Syntax.GetLocation(), None);
                return true;
            case IFieldReferenceOperation field:
                return TryDeclared(field.Field, field.Field.IsConst ? field.Field.ConstantValue : null, field.Field.IsReadOnly, operation, out text);
            case ILocalReferenceOperation local when local.Local.IsConst:
                return TryDeclared(local.Local, local.Local.ConstantValue, false, operation, out text);
            case ILocalReferenceOperation local:
                return TryAssignedOnce(local, depth, out text);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                return TryJoin(operation, [binary.LeftOperand, binary.RightOperand], depth, out text);
            case IInterpolatedStringOperation interpolated:
                return TryInterpolation(interpolated, depth, out text);
            case ICoalesceOperation coalesce:
                // config["password"] ?? "admin": the fallback is a fixed credential every device falls back to.
                return TryResolve(coalesce.WhenNull, depth + 1, out text);
            case IInvocationOperation invocation when EncodedArgument(invocation) is { } encoded:
                // Base64 or a byte encoding hides nothing: "user:pass" is still the secret, and its literal the span.
                return TryResolve(encoded, depth + 1, out text);
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            text = new ConstantText(constant, operation.Syntax.GetLocation(), None);
            return true;
        }

        return false;
    }

    // A constant or read-only field, or a constant local: its declaration's literal when the declaration is in source.
    private static bool TryDeclared(ISymbol symbol, object? constant, bool readOnly, IOperation reference, out ConstantText text)
    {
        text = default;
        var initializer = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator
            ? declarator.Initializer?.Value
            : null;
        if (constant is not string value)
        {
            // A read-only field is as fixed as a constant when its initializer is a literal (and nothing else is checked).
            if (!readOnly || initializer is not LiteralExpressionSyntax literal || !literal.Token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken))
            {
                return false;
            }

            value = literal.Token.ValueText;
        }

        // The declaration may sit in a referenced project, outside the compilation analysed: then the use is the place.
        var location = initializer is not null && reference.SemanticModel?.Compilation.ContainsSyntaxTree(initializer.SyntaxTree) != false
            ? initializer.GetLocation()
            : reference.Syntax.GetLocation();
        text = new ConstantText(value, location, ImmutableArray.Create(symbol));
        return true;
    }

    // A local written once, where it is declared: var pass = "hunter2"; ... Connect(ssid, pass).
    private static bool TryAssignedOnce(ILocalReferenceOperation reference, int depth, out ConstantText text)
    {
        text = default;
        var model = reference.SemanticModel;
        if (model is null
            || reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || initializer.SyntaxTree != reference.Syntax.SyntaxTree
            || IsWrittenAgain(reference))
        {
            return false;
        }

        if (!TryResolve(model.GetOperation(initializer), depth + 1, out var inner))
        {
            return false;
        }

        text = new ConstantText(inner.Value, inner.Location, inner.Holders.Insert(0, reference.Local));
        return true;
    }

    private static bool IsWrittenAgain(ILocalReferenceOperation reference)
    {
        var root = (IOperation)reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var other in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(other.Local, reference.Local) && IsWrite(other))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrite(IOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
        ITupleOperation => true,
        _ => reference.Syntax.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 },
    };

    private static bool TryJoin(IOperation whole, IEnumerable<IOperation> parts, int depth, out ConstantText text)
    {
        text = default;
        var value = new System.Text.StringBuilder();
        var holders = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var part in parts)
        {
            if (TryResolve(part, depth + 1, out var resolved))
            {
                value.Append(resolved.Value);
                holders.AddRange(resolved.Holders);
            }
            else if (OperationValues.Unwrap(part)?.ConstantValue is { HasValue: true } constant)
            {
                value.Append(Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                return false;
            }
        }

        text = new ConstantText(value.ToString(), whole.Syntax.GetLocation(), holders.ToImmutable());
        return true;
    }

    private static bool TryInterpolation(IInterpolatedStringOperation interpolated, int depth, out ConstantText text)
    {
        text = default;
        var parts = new List<IOperation>();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation textPart:
                    parts.Add(textPart.Text);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    parts.Add(hole.Expression);
                    break;
                default:
                    return false;
            }
        }

        return TryJoin(interpolated, parts, depth, out text);
    }

    // Convert.ToBase64String(x) and Encoding.X.GetBytes(x): the argument that carries the text.
    private static IOperation? EncodedArgument(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var isBase64 = method.Name == "ToBase64String" && method.ContainingType.Name == "Convert";
        var isEncoding = method.Name == "GetBytes" && InheritsFrom(method.ContainingType, "Encoding");
        return (isBase64 || isEncoding) && invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null;
    }

    private static bool InheritsFrom(ITypeSymbol? type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
