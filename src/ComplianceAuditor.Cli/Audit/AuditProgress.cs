using System.Globalization;
using ComplianceAuditor.Engine;
using Spectre.Console;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>Progress: a live bar on a terminal, a few plain lines otherwise (CI logs, redirected output).</summary>
internal sealed class AuditProgress(CliConsole console)
{
    public void Note(string text)
    {
        text = Core.Text.DisplayText.Sanitize(text, 400);
        if (console.Rich)
        {
            console.Ansi.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
        }
        else
        {
            console.Line(text);
        }
    }

    public async Task<T> TrackAsync<T>(string description, Func<IProgress<EngineProgress>, Task<T>> work)
    {
        if (!console.Rich)
        {
            var last = new EngineProgress(0, 0);
            console.Line(description);
            var result = await work(new Progress<EngineProgress>(p => last = p)).ConfigureAwait(false);
            console.Line(string.Create(CultureInfo.InvariantCulture, $"evaluated {last.Total} rule/artifact pair(s)"));
            return result;
        }

        return await console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1);
                var result = await work(new Progress<EngineProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Completed;
                })).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
