using System.Globalization;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// A range <c>(a..b)</c> that refuses to hold more than a bound and counts each of its numbers as a step, so ranges
/// built over and over in a loop meet the step limit like any other work. The numbers are then built by Fluid's own
/// range.
/// </summary>
internal sealed class BoundedRangeExpression(Expression from, Expression to, long maxLength) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Both ends are cut to whole numbers, as Liquid does.
        var start = Whole(await from.EvaluateAsync(context).ConfigureAwait(false));
        var end = Whole(await to.EvaluateAsync(context).ConfigureAwait(false));
        var length = end - start + 1;
        if (length > maxLength)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the range ({start}..{end}) holds {length} numbers; a template may build at most {maxLength}"));
        }

        RenderBudget.Of(context)?.CheckTime();
        for (var i = 0L; i < length; i++)
        {
            context.IncrementSteps();
        }

        return await new RangeExpression(Literal(start), Literal(end)).EvaluateAsync(context).ConfigureAwait(false);
    }

    private static long Whole(FluidValue value)
    {
        var number = value.ToNumberValue();
        // Beyond int the length above could overflow, and no honest range gets there.
        return number >= int.MaxValue ? int.MaxValue : number <= int.MinValue ? int.MinValue : (long)Math.Truncate(number);
    }

    private static LiteralExpression Literal(long value) => new(NumberValue.Create(value));
}
