using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// Reads a bool value as a verifier's outcome: <c>rsa.VerifyData(...)</c>, <c>!ok</c>, <c>ok == false</c>,
/// <c>ok is true</c>, <c>await VerifySignatureAsync(...)</c>, where <c>ok</c> holds a verifier's result, and constants.
/// Anything else (a hash comparison, a length check) says nothing about authenticity.
/// </summary>
internal static class VerifierOutcomes
{
    private const int MaxDepth = 8;

    public static VerifierOutcome? Of(IOperation? value, TaintState state, RegionContext region) => Of(value, state, region, 0);

    private static VerifierOutcome? Of(IOperation? value, TaintState state, RegionContext region, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Of(conversion.Operand, state, region, depth + 1);
            case IAwaitOperation awaited:
                return Of(awaited.Operation, state, region, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Of(not.Operand, state, region, depth + 1)?.Negate();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
            {
                var (other, constant) = BoolConstant(comparison.RightOperand) is { } right ? (comparison.LeftOperand, right)
                    : BoolConstant(comparison.LeftOperand) is { } left ? (comparison.RightOperand, left) : (null, false);
                return Compare(Of(other, state, region, depth + 1), constant, comparison.OperatorKind == BinaryOperatorKind.Equals);
            }

            case IIsPatternOperation pattern when PatternConstant(pattern.Pattern, out var constant, out var equals):
                return Compare(Of(pattern.Value, state, region, depth + 1), constant, equals);
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                return RegionFacts.EntityOf(value) is { } entity ? state.FactOf(entity) : null;
        }

        if (BoolConstant(value) is { } literal)
        {
            // The branch a constant never takes may assume anything.
            return literal ? new VerifierOutcome(0, ulong.MaxValue) : new VerifierOutcome(ulong.MaxValue, 0);
        }

        return region.VerifierOrigins(value) is var origins && origins != 0 ? new VerifierOutcome(origins, 0) : null;
    }

    /// <summary><c>x == true</c> and <c>x != false</c> keep x's outcome; <c>x == false</c> and <c>x != true</c> negate it.</summary>
    private static VerifierOutcome? Compare(VerifierOutcome? inner, bool constant, bool equals) =>
        inner is { } outcome ? (equals == constant ? outcome : outcome.Negate()) : null;

    private static bool? BoolConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: bool constant } ? constant : null;

    private static bool PatternConstant(IPatternOperation pattern, out bool constant, out bool equals)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value: var value } when BoolConstant(value) is { } b:
                constant = b;
                equals = true;
                return true;
            case INegatedPatternOperation negated when PatternConstant(negated.Pattern, out constant, out var inner):
                equals = !inner;
                return true;
            default:
                constant = equals = false;
                return false;
        }
    }
}
