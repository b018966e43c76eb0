using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Benchmark;
using ComplianceAuditor.Reporting.CycloneDx;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Markdown;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf;
using ComplianceAuditor.Reporting.Sarif;

// Renders every report format, one after the other in this one cold process (as the CLI does after an audit), for a
// real report grown to N failures, and prints the time of each, the total, and the process's peak memory.
// Usage: ReportRenderBenchmark REPORT.json OUT_DIR [--findings N]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ReportRenderBenchmark REPORT.json OUT_DIR [--findings N]");
    return 2;
}

var findings = args.Contains("--findings") ? int.Parse(args[Array.IndexOf(args, "--findings") + 1], CultureInfo.InvariantCulture) : 2000;
var outDir = Directory.CreateDirectory(args[1]).FullName;

AuditReport source;
await using (var file = File.OpenRead(args[0]))
{
    source = await JsonSerializer.DeserializeAsync<AuditReport>(file, ReportJson.Options) ?? throw new InvalidDataException("empty report");
}

var report = ScaledReport.Grow(source, findings);
Print($"report: {report.Results.Count(r => r.Outcome == "fail")} failures, {report.Results.Count} results, {report.Artifacts.Count} artifacts, {report.Schemes.Count} schemes");

IReportWriter[] writers = [.. ReportWriters.All()];
var total = Stopwatch.StartNew();
foreach (var writer in writers)
{
    var watch = Stopwatch.StartNew();
    var path = Path.Combine(outDir, writer.FileName);
    await using (var output = File.Create(path))
    {
        await writer.WriteAsync(report, output, CancellationToken.None);
    }

    watch.Stop();
    Print($"{writer.Format,-10} {watch.Elapsed.TotalSeconds,7:F3} s  {new FileInfo(path).Length / 1024.0,9:F0} KiB");
}

total.Stop();
using var self = Process.GetCurrentProcess();
Print($"total: {total.Elapsed.TotalSeconds:F3} s");
Print($"peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MB");
return 0;

static void Print(string line) => Console.WriteLine(line);

/// <summary>Every writer the CLI's <c>--format all</c> uses, with default options.</summary>
internal static class ReportWriters
{
    public static IEnumerable<IReportWriter> All()
    {
        yield return new JsonReportWriter();
        yield return new SarifReportWriter();
        yield return new HtmlReportWriter();
        yield return new PdfReportWriter();
        yield return new MarkdownReportWriter();
        yield return new CycloneDxReportWriter();
    }
}
