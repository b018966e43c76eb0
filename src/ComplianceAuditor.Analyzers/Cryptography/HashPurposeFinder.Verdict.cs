using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>The evidence a <see cref="HashPurposeFinder"/> gathered, weighed: the verdict and the names it reads.</summary>
internal sealed partial class HashPurposeFinder
{
    /// <summary>
    /// Signatures first; then the names the value is stored or compared under, where a lookup word clears it; then
    /// the enclosing member's name, a comparison with an expected value, the names of what was hashed, and the
    /// enclosing types' names. The closest name decides: a cache-key method in an update service is a key.
    /// </summary>
    private string? Verdict(SyntaxNode creation)
    {
        if (signature is not null)
        {
            return signature;
        }

        if (lookupUse || flowName == NamedPurpose.Lookup)
        {
            return null;
        }

        if (flowName != NamedPurpose.None)
        {
            return PurposeWords.Describe(flowName);
        }

        var memberName = NamesOf(creation, members: true);
        if (memberName == NamedPurpose.Lookup)
        {
            return null;
        }

        if (compared)
        {
            return "check data against an expected digest";
        }

        foreach (var purpose in new[] { memberName, inputName, NamesOf(creation, members: false) })
        {
            if (purpose != NamedPurpose.None)
            {
                return purpose == NamedPurpose.Lookup ? null : PurposeWords.Describe(purpose);
            }
        }

        return null;
    }

    private void Compared(ExpressionSyntax? other)
    {
        // A null check is not a comparison with an expected value.
        if (other is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression)))
        {
            return;
        }

        compared = true;
        if (other is not null)
        {
            AddNames(other, ref flowName);
        }
    }

    private static void AddNames(ExpressionSyntax expression, ref NamedPurpose purpose)
    {
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            AddName(identifier.Identifier.ValueText, ref purpose);
        }
    }

    /// <summary>Lookup evidence overrides integrity evidence at the same level; the first integrity word names the purpose.</summary>
    private static void AddName(string name, ref NamedPurpose purpose)
    {
        var named = PurposeWords.Classify(name);
        if (named == NamedPurpose.Lookup)
        {
            purpose = NamedPurpose.Lookup;
        }
        else if (named != NamedPurpose.None && purpose == NamedPurpose.None)
        {
            purpose = named;
        }
    }

    /// <summary>The purpose the enclosing members' names (or, with <paramref name="members"/> false, the types' names) give.</summary>
    private static NamedPurpose NamesOf(SyntaxNode node, bool members)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var name = (ancestor, members) switch
            {
                (LocalFunctionStatementSyntax local, true) => local.Identifier.ValueText,
                (MethodDeclarationSyntax method, true) => method.Identifier.ValueText,
                (PropertyDeclarationSyntax property, true) => property.Identifier.ValueText,
                (BaseTypeDeclarationSyntax type, false) => type.Identifier.ValueText,
                _ => null,
            };
            if (name is not null && PurposeWords.Classify(name) is var purpose and not NamedPurpose.None)
            {
                return purpose;
            }

            if (members && ancestor is BaseTypeDeclarationSyntax)
            {
                break;
            }
        }

        return NamedPurpose.None;
    }
}
