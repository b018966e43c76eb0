using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf;

/// <summary>
/// Writes <c>report.pdf</c>: the summary, the failed results and the provision verdicts, as selectable text on A4.
/// Output depends only on the report and the fonts, so the same report and fonts give the same bytes.
/// </summary>
public sealed class PdfReportWriter : IReportWriter
{
    private readonly PdfOptions options;

    public PdfReportWriter(PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public PdfReportWriter()
        : this(new PdfOptions())
    {
    }

    public string Format => "pdf";

    public string FileName => "report.pdf";

    /// <exception cref="FontUnavailableException">No usable font; the message says what was tried.</exception>
    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // Rendered into memory first: Skia writes synchronously from native code, and the caller's stream may be async-only.
        var pdf = Render(report, cancellationToken);
        await output.WriteAsync(pdf, cancellationToken).ConfigureAwait(false);
    }

    internal byte[] Render(AuditReport report, CancellationToken cancellationToken)
    {
        using var fonts = PdfFontResolver.Resolve(options);
        using var styles = new ReportStyles(fonts);
        var setup = PageSetup.A4;
        var flow = ReportComposer.Compose(report, styles, setup);
        cancellationToken.ThrowIfCancellationRequested();

        using var buffer = new MemoryStream();
        PdfPainter.Paint(buffer, flow.Pages, setup, ReportComposer.Frame(report, styles), ReportComposer.Info(report), cancellationToken);
        var pdf = buffer.ToArray();
        PdfDates.SetUtc(pdf, report.GeneratedAt);
        return pdf;
    }
}
