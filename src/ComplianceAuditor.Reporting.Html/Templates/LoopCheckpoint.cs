using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Put first in every loop's body: checks the page's time at each iteration, because some work inside a loop
/// (<c>contains</c>, comparisons) never passes through code of ours.
/// </summary>
internal sealed class LoopCheckpoint : Statement
{
    public static readonly LoopCheckpoint Instance = new();

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RenderBudget.Of(context)?.CheckTime();
        return new ValueTask<Completion>(Completion.Normal);
    }
}
