using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// <c>{% capture name %}...{% endcapture %}</c> as Fluid does it (the text is kept already encoded, so printing it
/// later does not encode it twice), but written through a size bound: a capture that outgrows it is stopped while it
/// grows, before it fills memory.
/// </summary>
internal sealed class BoundedCaptureStatement(string identifier, IReadOnlyList<Statement> statements, int maxLength) : Statement
{
    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.IncrementSteps();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Counted in UTF-8 bytes, at least one a character, so the bound in characters holds as well.
        var bounded = new OutputLimitWriter(text, maxLength, $"the capture '{identifier}'");
        var completion = Completion.Normal;
        foreach (var statement in statements)
        {
            completion = await statement.WriteToAsync(bounded, encoder, context).ConfigureAwait(false);
            if (completion != Completion.Normal)
            {
                // A break or continue inside the capture keeps what was captured so far and is passed on, as in Fluid.
                break;
            }
        }

        var captured = text.ToString();
        RenderBudget.Of(context)?.Made(captured.Length);
        FluidValue value = new StringValue(captured, encode: false);
        if (context.Captured is { } onCaptured)
        {
            value = await onCaptured(identifier, value, context).ConfigureAwait(false);
        }

        context.SetValue(identifier, value);
        return completion;
    }
}
