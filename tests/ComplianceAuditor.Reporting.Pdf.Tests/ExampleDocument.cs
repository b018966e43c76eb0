using System.Text.Json;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// The PDF of a real audit: the example camera firmware audited with its manufacturer's declaration and waivers
/// (reports/samples/examplecam-fw-declared/report.json, which the CLI wrote), rendered once per test class.
/// </summary>
public sealed class ExampleDocument : IDisposable
{
    public ExampleDocument()
    {
        var json = System.IO.Path.Combine(RepositoryPaths.Reports, "samples", "examplecam-fw-declared", "report.json");
        Report = JsonSerializer.Deserialize<AuditReport>(File.ReadAllText(json), ReportJson.Options)
            ?? throw new InvalidOperationException($"{json} holds no report");
        Bytes = RenderedSample.Render(new PdfOptions(), Report);
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pdf-example-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(Path, Bytes);
        PageCount = Poppler.PageCount(Path);
        PageTexts = Enumerable.Range(1, PageCount).Select(n => Poppler.PageText(Path, n)).ToArray();
    }

    public AuditReport Report { get; }

    public byte[] Bytes { get; }

    public string Path { get; }

    public int PageCount { get; }

    /// <summary>pdftotext -layout of each page; index 0 is page 1.</summary>
    public IReadOnlyList<string> PageTexts { get; }

    public void Dispose() => File.Delete(Path);
}
