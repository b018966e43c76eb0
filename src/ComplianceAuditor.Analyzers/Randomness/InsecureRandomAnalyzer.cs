using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Randomness;

/// <summary>
/// CMP4007: System.Random output that becomes a key, token, nonce, IV, salt, password, PIN, session id, one-time code
/// or challenge. System.Random is seeded from little entropy and its state can be recovered from a few outputs, so
/// whoever sees one value can compute the others. Only output that flows (inside the method) into a place named as
/// such a secret is reported, on the Random call: random delays, jitter, simulated readings, shuffles and games are
/// fine uses of it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRandomAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> RandomMethods =
        ImmutableHashSet.Create(StringComparer.Ordinal, "Next", "NextInt64", "NextBytes", "NextDouble", "NextSingle", "GetItems");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsecureRandomForSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Random") is not { } random)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, random), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol random)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!RandomMethods.Contains(call.TargetMethod.Name) || !IsRandom(call.TargetMethod, random))
        {
            return;
        }

        if (RandomFlow.SecretMadeBy(call, context.ContainingSymbol) is { } what)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsecureRandomForSecret, call.Syntax.GetLocation(), what));
        }
    }

    // System.Random's own method, or an override in a class derived from it.
    private static bool IsRandom(IMethodSymbol method, INamedTypeSymbol random)
    {
        for (var m = method; m is not null; m = m.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(m.ContainingType.OriginalDefinition, random))
            {
                return true;
            }
        }

        return false;
    }
}
