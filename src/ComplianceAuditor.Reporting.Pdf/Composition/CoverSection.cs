using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// The cover: who tested what with which tool and rules, and each scheme's rating at a glance. Everything a lab needs
/// to identify the audit is here, so the first page alone can be filed and compared with the inputs by hash.
/// </summary>
internal static class CoverSection
{
    private const float LabelWidth = 110;

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles, CoverLogo? logo)
    {
        Branding(flow, styles, logo);
        flow.Paragraph(ReportIdentity.Title, styles.Title);
        flow.Paragraph(ReportIdentity.Device(report), styles.Subheading);
        flow.Space(10);

        if (report.SecretsShown)
        {
            // A report that carries secrets must say so on its first page: it has to be handled as a secret itself.
            flow.Paragraph(
                "This report shows passwords, keys and tokens as found (--show-secrets). Handle it as confidential.",
                styles.Warning);
            flow.Space(6);
        }

        Identity(flow, report, styles);
        flow.Heading("Inputs", styles.Subheading, 10, 40);
        Inputs(flow, report, styles);
        flow.Heading("Ratings", styles.Subheading, 12, 40);
        Ratings(flow, report, styles);
    }

    private static void Branding(FlowLayout flow, ReportStyles styles, CoverLogo? logo)
    {
        var theme = styles.Theme;
        var top = flow.Y;
        var height = 0f;
        if (logo is not null)
        {
            // Fit the logo in its box keeping its proportions, right-aligned.
            var scale = Math.Min(CoverLogo.BoxWidth / logo.Width, CoverLogo.BoxHeight / logo.Height);
            var w = logo.Width * scale;
            var h = logo.Height * scale;
            flow.Add(new ImageOp(logo.Png, new SKRect(flow.Setup.ContentRight - w, top, flow.Setup.ContentRight, top + h)));
            height = h;
        }

        if (theme.Name is { } name)
        {
            var style = styles.Subheading.WithColour(styles.Palette.Primary);
            var width = flow.Width - (logo is not null ? CoverLogo.BoxWidth + 10 : 0);
            var y = top;
            foreach (var line in TextWrapper.Wrap(ReportText.Safe(name), style, width))
            {
                flow.Text(flow.Left, y, line, style);
                y += style.LineHeight;
            }

            height = Math.Max(height, y - top);
        }

        flow.Advance(height);
        flow.Space(8);
        flow.Add(new FillOp(new SKRect(flow.Left, flow.Y, flow.Setup.ContentRight, flow.Y + 3), styles.Palette.Primary));
        flow.Advance(14);
    }

    private static void Identity(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        if (report.Declaration is { } d)
        {
            Row(flow, styles, "Manufacturer", d.Manufacturer);
            Row(flow, styles, "Model", d.Model);
            Row(flow, styles, "Firmware version", d.FirmwareVersion);
            Row(flow, styles, "Declared by", d.DeclaredBy is null ? null : $"{d.DeclaredBy}{(d.Date is { } date ? $", {date}" : "")}");
        }

        flow.LabelledValue("Audit date", ReportText.Timestamp(report.GeneratedAt) + " (UTC)", styles.Label, styles.Body, LabelWidth);
        flow.LabelledValue("Tool", ReportIdentity.Tool(report), styles.Label, styles.Body, LabelWidth);
        flow.LabelledValue("Rule set SHA-256", ReportText.Safe(report.Tool.RulesetSha256), styles.Label, styles.Mono, LabelWidth);
        if (styles.Theme.Name is { } lab)
        {
            flow.LabelledValue("Prepared by", ReportText.Safe(lab), styles.Label, styles.Body, LabelWidth);
        }

        if (!report.SecretsShown)
        {
            flow.LabelledValue("Secrets", "redacted to a short prefix and a hash", styles.Label, styles.Body, LabelWidth);
        }
    }

    private static void Row(FlowLayout flow, ReportStyles styles, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            flow.LabelledValue(label, ReportText.Safe(value), styles.Label, styles.Body, LabelWidth);
        }
    }

    /// <summary>
    /// Each input with its hash on one unbroken line (a table column would wrap it): a lab compares the hash with the
    /// file it received, and a hash split over two lines is easy to misread. Names are printed whole (wrapped in their
    /// column): inputs that differ only in a version at the end must not look alike. Each input is one block, so its
    /// name and its hash are never on different pages.
    /// </summary>
    private static void Inputs(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        if (report.Inputs.Count == 0)
        {
            flow.Paragraph("No inputs recorded.", styles.Note);
            return;
        }

        foreach (var input in report.Inputs)
        {
            var block = new Block(flow.Left, flow.Width);
            block.LabelledValue(
                ReportText.Safe(input.Name),
                $"{ReportText.Safe(input.Kind)}, {ReportText.Bytes(input.Size)}",
                styles.Label,
                styles.Body,
                LabelWidth);
            block.LabelledValue("SHA-256", ReportText.Safe(input.Sha256), styles.Note, styles.Mono, LabelWidth);
            block.Space(3);
            flow.Place(block);
        }
    }

    private static void Ratings(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        if (report.Schemes.Count == 0)
        {
            flow.Paragraph("No scheme was selected for this audit.", styles.Note);
            return;
        }

        const float rowHeight = RatingBadge.Height + 6;
        var nameWidth = flow.Width * 0.5f;
        foreach (var scheme in report.Schemes)
        {
            var name = ReportText.SchemeName(scheme);
            var lines = TextWrapper.Wrap(name, styles.Body, nameWidth - 6);
            var height = Math.Max(rowHeight, (lines.Count * styles.Body.LineHeight) + 6);
            flow.KeepTogether(height);
            var top = flow.Y;
            for (var i = 0; i < lines.Count; i++)
            {
                flow.Text(flow.Left, top + 3 + (i * styles.Body.LineHeight), lines[i], styles.Body);
            }

            RatingBadge.Draw(flow, flow.Left + nameWidth, top + 3, scheme.Rating, styles);
            flow.Line(flow.Left, top + height, flow.Setup.ContentRight, top + height, ReportStyles.RuleGrey, 0.4f);
            flow.Advance(height);
        }

        flow.Space(4);
        flow.Paragraph(
            "Schemes marked \"our model\" or \"(ours)\" are rating models of this tool, not official schemes. Each rating is explained in its section.",
            styles.Note);
    }
}
