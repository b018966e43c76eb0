using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;
using ComplianceAuditor.Reporting.Theme;

namespace ComplianceAuditor.Reporting.Pdf;

/// <summary>
/// Writes <c>report.pdf</c>: cover, contents, executive summary, one section per scheme, findings, and method and
/// limits, as selectable text with embedded fonts on A4. Output depends only on the report, the fonts and the theme,
/// so the same inputs give the same bytes.
/// </summary>
public sealed class PdfReportWriter : IReportWriter
{
    private readonly PdfOptions options;
    private readonly CoverLogo? logo;

    /// <exception cref="ThemeException">The theme's logo is not an image Skia can decode.</exception>
    public PdfReportWriter(PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;

        // Decoded here, when the CLI sets up its writers before the audit, so a broken logo stops the run at once.
        logo = options.Theme.HasLogo ? CoverLogo.From(options.Theme) : null;
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
        using var styles = new ReportStyles(fonts, options.Theme);
        var setup = PageSetup.A4;
        var composed = ReportComposer.Compose(report, styles, setup, new SummaryCharts(options.FontFile), logo);
        cancellationToken.ThrowIfCancellationRequested();

        using var buffer = new MemoryStream();
        PdfPainter.Paint(
            buffer,
            composed.Pages,
            setup,
            ReportComposer.Frame(report, styles),
            ReportComposer.Info(report, styles),
            cancellationToken);
        var pdf = buffer.ToArray();
        PdfDates.SetUtc(pdf, report.GeneratedAt);
        return pdf;
    }

}
