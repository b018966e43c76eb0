using System.Diagnostics;
using System.Globalization;
using Fluid;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// What one page's rendering may spend beyond Fluid's own step limit: time, because a step can cost far more than
/// another (<c>contains</c> on a 16-million-character string), and characters made by filters and captures in all,
/// because each value is bounded but a template could keep thousands of them alive. Checked at every loop iteration,
/// filter, capture and range, so a runaway template is stopped within one iteration.
/// </summary>
internal sealed class RenderBudget(TimeSpan timeLimit, long maxCharacters)
{
    private const string Key = "ComplianceAuditor.RenderBudget";
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _characters;

    public void AttachTo(TemplateContext context) => context.AmbientValues[Key] = this;

    /// <summary>The budget of the page being rendered; null outside our renderer (a template rendered by a test).</summary>
    public static RenderBudget? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var value) ? value as RenderBudget : null;

    public void CheckTime()
    {
        if (Stopwatch.GetElapsedTime(_started) > timeLimit)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the page took longer than {timeLimit.TotalSeconds:0.###} s to render; a template that works this long is stopped"));
        }
    }

    /// <summary>Counts characters (or list items) a filter or capture has made, and the time so far.</summary>
    public void Made(long characters)
    {
        _characters += characters;
        if (_characters > maxCharacters)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the templates' filters and captures made more than {maxCharacters} characters in all; a template that makes this much is stopped"));
        }

        CheckTime();
    }
}
