using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// Where an enum member written as <c>Type.Member</c> ends up. Only a use that sets something (an assignment, an
/// argument, an initialiser, a returned value, an operand of <c>|</c>) turns a protocol or verification mode on;
/// comparisons, patterns, <c>case</c> labels, <c>HasFlag</c> tests and <c>&amp; ~Member</c> masks only look at it.
/// Works on syntax so that an enum whose type did not resolve (nanoFramework, M2Mqtt in the CLI) is read the same way.
/// </summary>
internal static class EnumMemberUse
{
    // Calls that take the member to test for it, not to turn it on.
    private static readonly ImmutableHashSet<string> TestingMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal, "HasFlag", "Equals", "Contains", "IndexOf", "Remove", "CompareTo", "IsDefined", "nameof");

    /// <summary>The member access of <c>Type.Member</c> with the type name as written, or false.</summary>
    public static bool TryGetNames(MemberAccessExpressionSyntax access, out string typeName, out string memberName)
    {
        memberName = access.Name.Identifier.ValueText;
        typeName = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => "",
        };
        return typeName.Length > 0;
    }

    /// <summary>
    /// The enum type the access names when the model resolves it; null when it does not resolve (match on names then);
    /// false when it resolves to something that is not an enum member.
    /// </summary>
    public static bool TryResolveEnum(SemanticModel model, MemberAccessExpressionSyntax access, CancellationToken cancellationToken, out INamedTypeSymbol? enumType)
    {
        enumType = null;
        var symbol = model.GetSymbolInfo(access, cancellationToken).Symbol;
        if (symbol is null)
        {
            return true;
        }

        if (symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } field)
        {
            enumType = field.ContainingType;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Is the member used as a value that something receives? <paramref name="outermost"/> is the whole expression the
    /// member is part of (through parentheses, casts, <c>|</c> and conditional branches); its parent says where it goes.
    /// </summary>
    public static bool IsValueUse(ExpressionSyntax member, out ExpressionSyntax outermost)
    {
        outermost = Outermost(member);
        var parent = outermost.Parent;
        switch (parent)
        {
            case EqualsValueClauseSyntax:
            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
            case YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldReturnStatement }:
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression or (int)SyntaxKind.CollectionInitializerExpression }:
            case ExpressionElementSyntax:
            case LambdaExpressionSyntax:
                return true;
            case AssignmentExpressionSyntax assignment when assignment.Right == outermost:
                return assignment.Kind() is SyntaxKind.SimpleAssignmentExpression or SyntaxKind.OrAssignmentExpression
                    or SyntaxKind.CoalesceAssignmentExpression;
            case ArgumentSyntax argument:
                return argument.Parent?.Parent is not InvocationExpressionSyntax invocation || !TestingMethods.Contains(InvokedName(invocation));
            default:
                return false;
        }
    }

    /// <summary>The widest expression that still carries the member's value (see <see cref="IsValueUse"/>).</summary>
    public static ExpressionSyntax Outermost(ExpressionSyntax member)
    {
        var current = member;
        while (true)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized;
                    break;
                case CastExpressionSyntax cast when cast.Expression == current:
                    current = cast;
                    break;
                case CheckedExpressionSyntax @checked:
                    current = @checked;
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                    current = binary;
                    break;
                case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    current = conditional;
                    break;
                case SwitchExpressionArmSyntax arm when arm.Expression == current && arm.Parent is SwitchExpressionSyntax switchExpression:
                    current = switchExpression;
                    break;
                default:
                    return current;
            }
        }
    }

    private static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => "",
    };
}
