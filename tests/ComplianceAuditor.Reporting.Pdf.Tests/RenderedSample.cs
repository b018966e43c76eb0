namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>The sample report rendered once per test class, as bytes and as a temporary file for poppler.</summary>
public sealed class RenderedSample : IDisposable
{
    public RenderedSample()
    {
        Bytes = Render(new PdfOptions());
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pdf-report-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(Path, Bytes);
    }

    public byte[] Bytes { get; }

    public string Path { get; }

    public static byte[] Render(PdfOptions options) => Render(options, SampleReport.Build());

    public static byte[] Render(PdfOptions options, Model.AuditReport report)
    {
        using var stream = new MemoryStream();
        new PdfReportWriter(options).WriteAsync(report, stream, CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    public void Dispose() => File.Delete(Path);
}
