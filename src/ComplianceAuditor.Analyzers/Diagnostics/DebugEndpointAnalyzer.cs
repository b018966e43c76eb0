using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Diagnostics;

/// <summary>
/// CMP4009: debug and diagnostic access switched on by code that also runs in release builds. Covers the ASP.NET Core
/// developer pages and API explorers that Linux-class devices serve, <c>Debugger.Launch</c> and <c>Debugger.Break</c>,
/// the .NET diagnostic port variables, debug servers and password-less shells started with <c>Process.Start</c>, a
/// listener on the telnet port, and nanoFramework's garbage-collector messages. Code under <c>#if DEBUG</c>, a
/// development-environment check, <c>Debugger.IsAttached</c> or <c>[Conditional("DEBUG")]</c> is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebugEndpointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DebugEndpointInRelease);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (DebugEndpointApis.MayMatter(operation) && CallSite.TryCreate(operation, out var site) && operation.SemanticModel is { } model
            && DebugEndpointApis.Enabled(site, operation.Syntax, model, context.CancellationToken) is { } enabled)
        {
            Report(context, operation.Syntax, enabled);
        }
    }

    /// <summary><c>startInfo.Environment["DOTNET_EnableDiagnostics"] = "1"</c> for a child process.</summary>
    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element } assignment
            && SyntaxNames.LastIdentifier(element.Expression) is "Environment" or "EnvironmentVariables"
            && context.Operation.SemanticModel is { } model)
        {
            var value = model.GetConstantValue(assignment.Right, context.CancellationToken);
            var name = DebugEndpointApis.Constant(element.ArgumentList.Arguments[0].Expression, model, context.CancellationToken) as string;
            if (DiagnosticSettings.Enabled(name, value.HasValue, value.HasValue ? value.Value as string : null) is { } enabled)
            {
                Report(context, assignment, enabled);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string enabled)
    {
        if (!DebugGuard.IsGuarded(node, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DebugEndpointInRelease, node.GetLocation(), enabled));
        }
    }
}
