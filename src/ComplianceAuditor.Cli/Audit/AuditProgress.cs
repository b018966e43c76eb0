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
            var last = new LatestProgress();
            console.Line(description);
            var result = await work(last).ConfigureAwait(false);
            console.Line(string.Create(CultureInfo.InvariantCulture, $"evaluated {last.Pairs} rule/artifact pair(s)"));
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

    /// <summary>
    /// Keeps the furthest report, taken on the reporting thread: <see cref="Progress{T}"/> would queue each report
    /// and could still be behind when the count is printed.
    /// </summary>
    private sealed class LatestProgress : IProgress<EngineProgress>
    {
        private long _pairs;

        public long Pairs => Interlocked.Read(ref _pairs);

        public void Report(EngineProgress value)
        {
            long seen;
            while (value.Pairs > (seen = Interlocked.Read(ref _pairs)) && Interlocked.CompareExchange(ref _pairs, value.Pairs, seen) != seen)
            {
                // Another report moved it meanwhile: compare again.
            }
        }
    }
}
