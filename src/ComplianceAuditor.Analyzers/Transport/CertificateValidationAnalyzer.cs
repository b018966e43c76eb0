using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// CMP4002: a TLS client told to accept any server certificate. Covers the validation callbacks of
/// <c>HttpClientHandler</c>, <c>ServicePointManager</c>, <c>SslClientAuthenticationOptions</c> (so also
/// <c>SocketsHttpHandler.SslOptions</c>) and the <c>SslStream</c> constructor when the callback always returns true;
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>; nanoFramework's
/// <c>SslVerification.NoVerification</c>; and MQTTnet's <c>WithCertificateValidationHandler(_ =&gt; true)</c>,
/// <c>WithAllowUntrustedCertificates()</c> and the same settings as option properties. Properties and methods are
/// matched by name, so the rule also runs where the platform's types did not resolve.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationAnalyzer : DiagnosticAnalyzer
{
    // Properties holding the delegate that decides about the server certificate. The names are specific enough to
    // match on any type: HttpClientHandler, ServicePointManager, WinHttpHandler, Ssl*AuthenticationOptions, MQTTnet's
    // TLS options (CertificateValidationHandler, and CertificateValidationCallback before v4).
    private static readonly ImmutableHashSet<string> CallbackProperties = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ServerCertificateCustomValidationCallback", "ServerCertificateValidationCallback", "RemoteCertificateValidationCallback",
        "CertificateValidationHandler", "CertificateValidationCallback");

    private const string AllowUntrusted = "AllowUntrustedCertificates";
    private const string WithAllowUntrusted = "WithAllowUntrustedCertificates";
    private const string WithValidationHandler = "WithCertificateValidationHandler";
    private const string CallbackType = "RemoteCertificateValidationCallback";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
        context.RegisterSyntaxNodeAction(AnalyzeMemberAccess, SyntaxKind.SimpleMemberAccessExpression);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var (target, value) = context.Operation switch
        {
            ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound => (compound.Target, compound.Value),
            _ => (null, null),
        };
        if (target is null || value is null)
        {
            return;
        }

        var member = ApiDisplay.TargetMemberName(target);
        if (CallbackProperties.Contains(member) && AcceptAllCallback.Matches(value, out var callback))
        {
            Report(context.ReportDiagnostic, callback.GetLocation(), ApiDisplay.OfTarget(target));
        }
        else if (member == AllowUntrusted && context.Operation is ISimpleAssignmentOperation && IsTrue(value))
        {
            Report(context.ReportDiagnostic, value.Syntax.GetLocation(), ApiDisplay.OfTarget(target));
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IInvocationOperation invocation:
                AnalyzeArguments(context, invocation.TargetMethod, invocation.Arguments, invocation.Syntax);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                AnalyzeArguments(context, constructor, creation.Arguments, creation.Syntax);
                break;
            case IInvalidOperation invalid when MayBeUnboundSink(invalid.Syntax) && CallSite.TryCreate(invalid, out var site):
                AnalyzeUnbound(context, site, invalid.Syntax);
                break;
        }
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SyntaxNode call)
    {
        if (method.Name != WithAllowUntrusted && method.Name != WithValidationHandler && !method.Parameters.Any(p => p.Type.Name == CallbackType))
        {
            return;
        }

        var api = ApiDisplay.Of(method);
        if (method.Name == WithAllowUntrusted)
        {
            var flag = arguments.FirstOrDefault();
            if (flag is null || flag.ArgumentKind == ArgumentKind.DefaultValue)
            {
                Report(context.ReportDiagnostic, NameAndArguments(call), api);
            }
            else if (IsTrue(flag.Value))
            {
                Report(context.ReportDiagnostic, flag.Value.Syntax.GetLocation(), api);
            }

            return;
        }

        foreach (var argument in arguments)
        {
            var isCallback = method.Name == WithValidationHandler || argument.Parameter?.Type.Name == CallbackType;
            if (isCallback && argument.ArgumentKind == ArgumentKind.Explicit && AcceptAllCallback.Matches(argument.Value, out var callback))
            {
                Report(context.ReportDiagnostic, callback.GetLocation(), api);
            }
        }
    }

    private static void AnalyzeUnbound(OperationAnalysisContext context, CallSite site, SyntaxNode call)
    {
        if (site.Member == WithAllowUntrusted)
        {
            if (site.Arguments.IsEmpty)
            {
                Report(context.ReportDiagnostic, NameAndArguments(call), ApiDisplay.Of(site));
            }
            else if (IsTrue(site.Arguments[0]))
            {
                Report(context.ReportDiagnostic, site.Arguments[0].Syntax.GetLocation(), ApiDisplay.Of(site));
            }
        }
        else if (site.Member == WithValidationHandler || (site.Type == "SslStream" && site.Member == ".ctor"))
        {
            foreach (var argument in site.Arguments)
            {
                if (AcceptAllCallback.Matches(argument, out var callback))
                {
                    Report(context.ReportDiagnostic, callback.GetLocation(), ApiDisplay.Of(site));
                }
            }
        }
    }

    /// <summary>A syntax test before CallSite's semantic queries: unbound calls are many where platform types are missing.</summary>
    private static bool MayBeUnboundSink(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: WithAllowUntrusted or WithValidationHandler } } => true,
        ObjectCreationExpressionSyntax creation => creation.Type.ToString().EndsWith("SslStream", StringComparison.Ordinal),
        _ => false,
    };

    private static void AnalyzeMemberAccess(SyntaxNodeAnalysisContext context)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Name.Identifier.ValueText != NanoVerification.NoVerification
            || !EnumMemberUse.TryGetNames(access, out var typeName, out _)
            || !EnumMemberUse.TryResolveEnum(context.SemanticModel, access, context.CancellationToken, out var enumType)
            || (enumType?.Name ?? typeName) != NanoVerification.TypeName
            || !EnumMemberUse.IsValueUse(access, out _))
        {
            return;
        }

        Report(context.ReportDiagnostic, access.GetLocation(), NanoVerification.TypeName + "." + NanoVerification.NoVerification);
    }

    private static bool IsTrue(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: true } || value.Syntax.IsKind(SyntaxKind.TrueLiteralExpression);

    /// <summary><c>WithAllowUntrustedCertificates()</c> without its receiver: the part of the chain that says it.</summary>
    private static Location NameAndArguments(SyntaxNode call)
    {
        if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return Location.Create(call.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        }

        return call.GetLocation();
    }

    private static void Report(Action<Diagnostic> report, Location location, string api) =>
        report(Diagnostic.Create(Descriptors.CertificateValidationDisabled, location, api));
}
