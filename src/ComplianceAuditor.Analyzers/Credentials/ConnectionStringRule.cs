using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// Connection strings that carry their secret (<c>"HostName=...;SharedAccessKey=..."</c>) are reported where they are
/// written, whatever they are given to: the secret is recognisable from the text alone. A string assembled from
/// constants is reported as a whole unless one of its literals or constants holds the secret by itself.
/// </summary>
internal static class ConnectionStringRule
{
    private const string What = "connection string secret";

    public static void Analyze(OperationAnalysisContext context, CredentialReporter reporter)
    {
        var operation = context.Operation;
        if (operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } })
        {
            if (literal.IndexOf('=') >= 0 && HasSecret(literal, context, reporter))
            {
                Report(context, operation);
            }

            return;
        }

        var isString = operation is IInterpolatedStringOperation
            || operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };
        if (!isString || IsPartOfLargerString(operation) || !MayHoldKeyValuePairs(operation)
            || !ConstantText.TryResolve(operation, out var text) || text.Value.IndexOf('=') < 0 || !HasSecret(text.Value, context, reporter))
        {
            return;
        }

        var reportedInside = operation.Descendants().Any(d => d.ConstantValue is { HasValue: true, Value: string part } && IsWrittenHere(d)
            && HasSecret(part, context, reporter));
        if (!reportedInside)
        {
            Report(context, operation);
        }
    }

    // Cheap before resolving the parts (which may look through locals): some literal or constant must hold a '='.
    private static bool MayHoldKeyValuePairs(IOperation operation) =>
        operation.Descendants().Any(d => d.ConstantValue is { HasValue: true, Value: string part } && part.IndexOf('=') >= 0);

    private static bool HasSecret(string text, OperationAnalysisContext context, CredentialReporter reporter) =>
        SecretValues.HasConnectionStringSecret(text, reporter.For(context.Options, context.Operation.Syntax.SyntaxTree).Vocabulary);

    // A literal, or a constant declared in this compilation: either is reported at its own literal.
    private static bool IsWrittenHere(IOperation operation) => operation switch
    {
        ILiteralOperation => true,
        IFieldReferenceOperation field => field.Field.DeclaringSyntaxReferences.Length > 0,
        ILocalReferenceOperation => true,
        _ => false,
    };

    private static bool IsPartOfLargerString(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IInterpolationOperation
            || parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };
    }

    private static void Report(OperationAnalysisContext context, IOperation operation) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardCodedCredential, operation.Syntax.GetLocation(), What,
            CredentialTargets.Destination(operation, context.ContainingSymbol)));
}
