using Fluid;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// <c>| raw</c> that prints only the writer's own markup (<see cref="MarkupValue"/>) unencoded. Anything else, a firmware
/// string above all, comes out encoded as if <c>raw</c> were not there: a lab template cannot open the page to text
/// from the device by mistake. Markup of the lab's own belongs in the template's text, which is never encoded.
/// </summary>
internal static class RawFilter
{
    public static void Register(FilterCollection filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        filters.AddFilter("raw", static (input, _, _) =>
            new ValueTask<FluidValue>(input is MarkupValue markup ? new StringValue(markup.Markup, encode: false) : input));
    }
}
