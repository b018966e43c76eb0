using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// Whether a file path names a firmware, flash or update location. The path is rebuilt from what the code shows:
/// constants, interpolations, concatenations, <c>Path.Combine</c>, locals and the string literal a field or property is
/// initialised with; parts that cannot be known become a hole that matches nothing.
/// </summary>
internal static class UpdateLocations
{
    private const char Hole = '\0';
    private const int MaxDepth = 5;

    // Raw flash and block devices, the boot partition, the kernel's firmware folder, and nanoFramework's internal
    // flash drive (I:), where its OTA samples keep downloaded .pe assemblies.
    private static readonly ImmutableArray<string> Prefixes = ImmutableArray.Create("/dev/mtd", "/dev/mmcblk", "/boot/", "i:/");
    private static readonly ImmutableArray<string> Infixes = ImmutableArray.Create("/boot/", "/lib/firmware/");

    // Firmware and bundle images (raw, SWUpdate, RAUC, Mender, Intel HEX) and loadable assemblies.
    private static readonly ImmutableArray<string> Extensions = ImmutableArray.Create(".bin", ".img", ".hex", ".swu", ".raucb", ".mender", ".pe", ".dll");

    /// <summary>Does <paramref name="path"/> evaluate to a path that looks like a device or update location?</summary>
    public static bool IsUpdateLocation(IOperation? path, RegionFacts facts) =>
        path is not null && Text(path, facts, 0, new Steps()) is { } text && LooksLikeUpdateLocation(text);

    internal static bool LooksLikeUpdateLocation(string text)
    {
        var path = text.Replace('\\', '/');
        return Prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || Infixes.Any(p => path.IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0)
            || Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Text(IOperation operation, RegionFacts facts, int depth, Steps steps)
    {
        // Each local may have many assigned values, each built from more locals: without a budget, a path rebuilt a
        // thousand times (p = p + "x") costs exponential time.
        if (depth > MaxDepth || --steps.Left < 0)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Text(conversion.Operand, facts, depth + 1, steps);
            case IInterpolatedStringOperation interpolated:
                return string.Concat(interpolated.Parts.Select(p => p is IInterpolatedStringTextOperation text
                    ? Text(text.Text, facts, depth + 1, steps) ?? Hole.ToString()
                    : p is IInterpolationOperation hole ? Text(hole.Expression, facts, depth + 1, steps) ?? Hole.ToString() : Hole.ToString()));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                return (Text(add.LeftOperand, facts, depth + 1, steps) ?? Hole.ToString()) + (Text(add.RightOperand, facts, depth + 1, steps) ?? Hole.ToString());
            case IInvocationOperation { TargetMethod: { Name: "Combine" or "Join", ContainingType.Name: "Path" } } combine:
                return string.Join("/", combine.Arguments.Select(a => Text(a.Value, facts, depth + 1, steps) ?? Hole.ToString()));
            case ILocalReferenceOperation or IFlowCaptureReferenceOperation or IParameterReferenceOperation:
            {
                string? first = null;
                foreach (var value in facts.AssignedValues(RegionFacts.EntityOf(operation)))
                {
                    var text = Text(value, facts, depth + 1, steps);
                    if (text is not null && LooksLikeUpdateLocation(text))
                    {
                        return text;
                    }

                    first ??= text;
                }

                return first;
            }

            case IFieldReferenceOperation field:
                return InitializerLiteral(field.Field);
            case IPropertyReferenceOperation property:
                return InitializerLiteral(property.Property);
            default:
                return null;
        }
    }

    /// <summary>How many more operations one path's evaluation may look at.</summary>
    private sealed class Steps
    {
        public int Left { get; set; } = 2000;
    }

    /// <summary>The string literal a field or property of the source is initialised with (<c>RootPath { get; } = "I:\\"</c>).</summary>
    private static string? InitializerLiteral(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is LiteralExpressionSyntax { Token.Value: string literal })
            {
                return literal;
            }
        }

        return null;
    }
}
