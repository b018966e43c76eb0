using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// CMP4008: data read from the network reaches an update or flash-write sink (<c>Assembly.Load(byte[])</c>, a write
/// to <c>/dev/mtd0</c> or <c>I:\app.pe</c>) on a path that does not pass a signature verification. Intra-procedural:
/// each method body, lambda and local function is analysed on its own, over its control-flow graph (see
/// <see cref="UpdateFlowAnalysis"/> for the analysis, <see cref="TaintWalker"/> for how data moves, and
/// <see cref="UpdateApiTables"/> for the defaults). Platform-managed updates (Meadow's IUpdateService, nanoFramework's
/// In-Field Update, whose images the bootloader verifies) are deliberately not sinks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UpdateSignatureAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UpdateWithoutSignatureCheck);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Options apply per syntax tree; reading them once per tree keeps the per-method cost to the prefilter.
            // Lazy: the methods of one file are analysed concurrently, and the file's setup should run once.
            var apisByTree = new ConcurrentDictionary<SyntaxTree, Lazy<UpdateApis>>();
            start.RegisterOperationBlockAction(block =>
            {
                // A constructor's body and its initializer are two blocks of one graph; analyse each graph once.
                var roots = new HashSet<IOperation>();
                foreach (var operationBlock in block.OperationBlocks)
                {
                    var root = operationBlock;
                    while (root.Parent is not null)
                    {
                        root = root.Parent;
                    }

                    if (!IsGraphRoot(root) || !roots.Add(root))
                    {
                        continue;
                    }

                    var apis = apisByTree.GetOrAdd(root.Syntax.SyntaxTree, tree => new Lazy<UpdateApis>(() => UpdateApis.Create(block.Options, tree))).Value;
                    if (apis.MayContainFlow(root.Syntax))
                    {
                        var graph = block.GetControlFlowGraph(operationBlock);
                        var scope = new AnalysisScope(apis, operationBlock.SemanticModel!, block.ReportDiagnostic, block.CancellationToken);
                        Analyze(graph, scope, ImmutableDictionary<IParameterSymbol, string>.Empty);
                    }
                }
            });
        });
    }

    private static bool IsGraphRoot(IOperation operation) => operation is IMethodBodyOperation or IConstructorBodyOperation
        or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation
        or IBlockOperation { Parent: null };

    private static void Analyze(ControlFlowGraph graph, AnalysisScope scope, ImmutableDictionary<IParameterSymbol, string> assumedTypes)
    {
        // Hostile code can nest operations arbitrarily deep: past what the stack holds, the analyzer stops with an
        // exception the compiler reports (AD0001) rather than taking the compiler down with a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var (apis, cancellationToken) = (scope.Apis, scope.CancellationToken);
        var region = new RegionContext(apis, graph, scope.Model, assumedTypes, cancellationToken);
        UpdateFlowAnalysis.Run(graph, region, hit => scope.Report(Diagnostic.Create(
            Descriptors.UpdateWithoutSignatureCheck, hit.Operation.Syntax.GetLocation(), region.OriginName(hit.Unverified), hit.Sink)));

        foreach (var lambda in graph.Blocks.SelectMany(RegionFacts.Roots).SelectMany(r => r.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>())
        {
            if (apis.MayContainFlow(lambda.Syntax))
            {
                Analyze(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), scope, MqttHandlers.AssumedParameterTypes(lambda));
            }
        }

        foreach (var function in graph.LocalFunctions)
        {
            if (function.DeclaringSyntaxReferences.Any(r => apis.MayContainFlow(r.GetSyntax(cancellationToken))))
            {
                Analyze(graph.GetLocalFunctionControlFlowGraph(function, cancellationToken), scope, assumedTypes);
            }
        }
    }

    /// <summary>What every region of one operation block shares.</summary>
    private sealed class AnalysisScope(UpdateApis apis, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        public UpdateApis Apis { get; } = apis;

        public SemanticModel Model { get; } = model;

        public Action<Diagnostic> Report { get; } = report;

        public CancellationToken CancellationToken { get; } = cancellationToken;
    }
}
