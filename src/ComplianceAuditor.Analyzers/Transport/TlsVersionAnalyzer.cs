using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// CMP4003: SSL 2.0/3.0, TLS 1.0 or TLS 1.1 turned on through <c>SslProtocols</c> (desktop .NET and nanoFramework),
/// <c>SecurityProtocolType</c> or M2Mqtt's <c>MqttSslProtocols</c>. Reported where the member is used as a value
/// (assigned, passed, initialised, returned, combined with <c>|</c>); comparisons, patterns and masks that take a
/// version away are not. Matching is on the member access as written, confirmed by the model where the enum resolves,
/// so an unresolved nanoFramework or M2Mqtt enum is still read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TlsVersionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ObsoleteTlsVersion);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeMemberAccess, SyntaxKind.SimpleMemberAccessExpression);
    }

    private static void AnalyzeMemberAccess(SyntaxNodeAnalysisContext context)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (!ObsoleteProtocols.MemberNames.Contains(access.Name.Identifier.ValueText)
            || !EnumMemberUse.TryGetNames(access, out var typeName, out var memberName)
            || !EnumMemberUse.TryResolveEnum(context.SemanticModel, access, context.CancellationToken, out var enumType)
            || !ObsoleteProtocols.TryGetVersion(enumType?.Name ?? typeName, memberName, out var version)
            || !EnumMemberUse.IsValueUse(access, out var outermost))
        {
            return;
        }

        var use = DescribeUse(context.SemanticModel, outermost, context.CancellationToken);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ObsoleteTlsVersion, access.GetLocation(), use, version));
    }

    /// <summary>What receives the value, for the message: <c>ServicePointManager.SecurityProtocol</c>, <c>property 'X'</c>...</summary>
    private static string DescribeUse(SemanticModel model, ExpressionSyntax outermost, CancellationToken cancellationToken)
    {
        switch (outermost.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return (declarator.Parent?.Parent is FieldDeclarationSyntax ? "field '" : "variable '") + declarator.Identifier.ValueText + "'";
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return "property '" + property.Identifier.ValueText + "'";
            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return "the default of parameter '" + parameter.Identifier.ValueText + "'";
            case AssignmentExpressionSyntax assignment:
                return DescribeTarget(model, assignment.Left, cancellationToken);
            case ArgumentSyntax { Parent.Parent: { } call }:
                return model.GetOperation(call, cancellationToken) is { } operation && CallSite.TryCreate(operation, out var site)
                    ? ApiDisplay.Of(site)
                    : "a call";
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax or YieldStatementSyntax:
                return "the value returned by '" + ContainingMemberName(outermost) + "'";
            default:
                return "a collection";
        }
    }

    private static string DescribeTarget(SemanticModel model, ExpressionSyntax left, CancellationToken cancellationToken)
    {
        switch (model.GetSymbolInfo(left, cancellationToken).Symbol)
        {
            case IPropertySymbol { IsStatic: true } property:
                return property.ContainingType.Name + "." + property.Name;
            case IPropertySymbol property:
                return "property '" + property.Name + "'";
            case IFieldSymbol { IsStatic: true } field:
                return field.ContainingType.Name + "." + field.Name;
            case IFieldSymbol field:
                return "field '" + field.Name + "'";
            case ILocalSymbol local:
                return "variable '" + local.Name + "'";
            case IParameterSymbol parameter:
                return "parameter '" + parameter.Name + "'";
        }

        // Unresolved: a static member when the receiver names a type, a property otherwise.
        if (left is MemberAccessExpressionSyntax access)
        {
            var name = access.Name.Identifier.ValueText;
            return model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamedTypeSymbol type
                ? type.Name + "." + name
                : "property '" + name + "'";
        }

        return left is IdentifierNameSyntax identifier ? "property '" + identifier.Identifier.ValueText + "'" : "an assignment";
    }

    private static string ContainingMemberName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case BaseTypeDeclarationSyntax type:
                    return type.Identifier.ValueText;
            }
        }

        return "";
    }
}
