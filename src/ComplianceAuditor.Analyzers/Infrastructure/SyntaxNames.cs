using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>Names as written in the source, for matching code whose symbols did not resolve.</summary>
public static class SyntaxNames
{
    /// <summary>The identifier an expression ends with: <c>Type</c> of <c>A.B.Type</c>, <c>M</c> of <c>x.M</c>; empty for others.</summary>
    public static string LastIdentifier(ExpressionSyntax? expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => "",
    };
}
