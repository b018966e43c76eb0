using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>How the transport rules name an API in a message: <c>Type.Member</c>, or <c>new Type(...)</c> for a constructor.</summary>
internal static class ApiDisplay
{
    public static string Of(IMethodSymbol method) => Of(method.ContainingType?.Name ?? "", method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name);

    public static string Of(CallSite site) => Of(site.Type, site.Member);

    public static string Of(string type, string member)
    {
        if (member == ".ctor")
        {
            return "new " + type + "(...)";
        }

        return type.Length == 0 ? member : type + "." + member;
    }

    /// <summary>The name of the member an assignment target designates, bound or not; empty when it is no member.</summary>
    public static string TargetMemberName(IOperation target) => target switch
    {
        IMemberReferenceOperation reference => reference.Member.Name,
        _ => target.Syntax switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => "",
        },
    };

    /// <summary>
    /// The member an assignment target designates, named by its declaring type when the model knows it (an error type
    /// keeps its name) and by the name alone otherwise.
    /// </summary>
    public static string OfTarget(IOperation target)
    {
        var member = TargetMemberName(target);
        if (target is IMemberReferenceOperation reference)
        {
            return Of(reference.Member.ContainingType?.Name ?? "", member);
        }

        var model = target.SemanticModel;
        var owner = target.Syntax switch
        {
            MemberAccessExpressionSyntax access => model?.GetTypeInfo(access.Expression).Type ?? model?.GetSymbolInfo(access.Expression).Symbol as ITypeSymbol,

            // In an object initialiser the created type owns the member.
            IdentifierNameSyntax { Parent.Parent.Parent: BaseObjectCreationExpressionSyntax creation } => model?.GetTypeInfo(creation).Type,
            _ => null,
        };
        return Of(owner?.Name ?? "", member);
    }
}
