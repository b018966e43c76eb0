using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>Operations seen through the wrappers that do not change what a value is.</summary>
public static class OperationValues
{
    /// <summary>
    /// The value inside conversions, parentheses, an argument and a delegate creation: <c>(object)"x"</c> is
    /// <c>"x"</c>, and <c>new Callback(Accept)</c> is the method group <c>Accept</c>.
    /// </summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }
}
