using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>
/// The ways code names a broken algorithm without creating it: CryptoConfig names, OIDs, <c>HashAlgorithmName</c>
/// members, <c>typeof</c>. Read from syntax (with constants from the semantic model), so that a name still counts
/// when System.Security.Cryptography did not resolve.
/// </summary>
internal static class CryptoNames
{
    public const string Md5 = "MD5";

    public const string Sha1 = "SHA-1";

    /// <summary>The weak hash a CryptoConfig name, friendly name or OID designates, as the message names it.</summary>
    public static string? WeakHashOfName(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "MD5" or "SYSTEM.SECURITY.CRYPTOGRAPHY.MD5" or "1.2.840.113549.2.5" => Md5,
        "SHA1" or "SHA" or "SHA-1" or "SYSTEM.SECURITY.CRYPTOGRAPHY.SHA1" or "1.3.14.3.2.26"
            or "HTTP://WWW.W3.ORG/2000/09/XMLDSIG#SHA1" => Sha1,
        _ => null,
    };

    /// <summary>The weak hash a type of that simple name implements.</summary>
    public static string? WeakHashOfType(string typeName) => typeName switch
    {
        "MD5" or "MD5CryptoServiceProvider" or "MD5Cng" => Md5,
        "SHA1" or "SHA1Managed" or "SHA1CryptoServiceProvider" or "SHA1Cng" => Sha1,
        _ => null,
    };

    /// <summary>The broken cipher a CryptoConfig name designates (<c>SymmetricAlgorithm.Create("3DES")</c>).</summary>
    public static string? WeakCipherOfName(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "DES" or "SYSTEM.SECURITY.CRYPTOGRAPHY.DES" => "DES",
        "3DES" or "TRIPLEDES" or "TRIPLE DES" or "SYSTEM.SECURITY.CRYPTOGRAPHY.TRIPLEDES" => "Triple DES",
        "RC2" or "SYSTEM.SECURITY.CRYPTOGRAPHY.RC2" => "RC2",
        _ => null,
    };

    /// <summary>
    /// The weak hash an expression names: <c>HashAlgorithmName.SHA1</c>, <c>new HashAlgorithmName("MD5")</c>,
    /// <c>new Oid("1.3.14.3.2.26")</c>, <c>CryptoConfig.MapNameToOID("SHA1")</c>, <c>typeof(MD5)</c>, a constant
    /// string, or a local initialised with one of those.
    /// </summary>
    public static string? WeakHashOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        WeakHashOf(expression, model, followLocal: true, cancellationToken);

    /// <summary>The constant string an expression has, if any.</summary>
    public static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        return constant.HasValue ? constant.Value as string : null;
    }

    /// <summary>
    /// The member (<c>.ctor</c> for a creation) and the receiver or type name an unbound call is written with, in the
    /// only shapes <see cref="Infrastructure.CallSite"/> reads: enough to skip most calls before a semantic query.
    /// </summary>
    public static (string Member, string Receiver)? UnboundCall(IOperation operation) => operation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => (access.Name.Identifier.ValueText, SyntaxNames.LastIdentifier(access.Expression)),
        ObjectCreationExpressionSyntax creation => (".ctor", SyntaxNames.LastIdentifier(creation.Type)),
        _ => null,
    };

    private static string? WeakHashOf(ExpressionSyntax expression, SemanticModel model, bool followLocal, CancellationToken cancellationToken)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        switch (expression)
        {
            case MemberAccessExpressionSyntax access when SyntaxNames.LastIdentifier(access.Expression) == "HashAlgorithmName":
                return WeakHashOfName(access.Name.Identifier.ValueText);
            case IdentifierNameSyntax identifier:
                switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
                {
                    // using static System.Security.Cryptography.HashAlgorithmName;
                    case IPropertySymbol { ContainingType.Name: "HashAlgorithmName" } property:
                        return WeakHashOfName(property.Name);
                    case ILocalSymbol local when followLocal:
                        return local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                            ? WeakHashOf(value, model, followLocal: false, cancellationToken)
                            : null;
                }

                break;
            case ObjectCreationExpressionSyntax creation when SyntaxNames.LastIdentifier(creation.Type) is "HashAlgorithmName" or "Oid":
                return FirstArgumentName(creation.ArgumentList, model, cancellationToken);
            case ImplicitObjectCreationExpressionSyntax implicitCreation
                when model.GetTypeInfo(implicitCreation, cancellationToken).Type?.Name is "HashAlgorithmName" or "Oid":
                return FirstArgumentName(implicitCreation.ArgumentList, model, cancellationToken);
            case InvocationExpressionSyntax invocation
                when SyntaxNames.LastIdentifier(invocation.Expression) is "MapNameToOID" or "FromOid" or "FromOidValue" or "FromFriendlyName":
                return FirstArgumentName(invocation.ArgumentList, model, cancellationToken);
            case TypeOfExpressionSyntax typeOf:
                return WeakHashOfType(typeOf.Type is NameSyntax name ? SyntaxNames.LastIdentifier(name) : "");
        }

        return WeakHashOfName(ConstantString(expression, model, cancellationToken));
    }

    private static string? FirstArgumentName(ArgumentListSyntax? arguments, SemanticModel model, CancellationToken cancellationToken) =>
        arguments is { Arguments.Count: > 0 } ? WeakHashOfName(ConstantString(arguments.Arguments[0].Expression, model, cancellationToken)) : null;
}
