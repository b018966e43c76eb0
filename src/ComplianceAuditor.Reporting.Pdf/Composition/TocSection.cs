using System.Globalization;
using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>One line of the table of contents: a section title and the anchor its heading marks.</summary>
internal sealed record TocEntry(string Title, string Anchor, int Level);

/// <summary>
/// The table of contents. It is laid out twice: once with no page numbers to learn how many pages it takes, then
/// with the real numbers. The numbers sit in a fixed-width column, so titles wrap the same way both times and the
/// page count cannot change between the two passes (<see cref="ReportComposer"/> checks that it did not).
/// </summary>
internal static class TocSection
{
    public const string Title = "Contents";
    private const float NumberColumn = 40;

    public static void Compose(FlowLayout flow, IReadOnlyList<TocEntry> entries, Func<string, int?> pageOf, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(entries);
        flow.Paragraph(Title, styles.Heading);
        flow.Space(8);
        foreach (var entry in entries)
        {
            var style = entry.Level == 0 ? styles.Label : styles.Body;
            var indent = entry.Level * 14f;
            var lines = TextWrapper.Wrap(entry.Title, style, flow.Width - indent - NumberColumn);
            var height = (lines.Count * style.LineHeight) + 3;
            flow.KeepTogether(height);
            var top = flow.Y;
            for (var i = 0; i < lines.Count; i++)
            {
                flow.Text(flow.Left + indent, top + (i * style.LineHeight), lines[i], style);
            }

            if (pageOf(entry.Anchor) is { } page)
            {
                var number = page.ToString(CultureInfo.InvariantCulture);
                var numberStyle = style.WithColour(styles.Palette.Accent);
                var lastTop = top + ((lines.Count - 1) * style.LineHeight);
                flow.Text(flow.Setup.ContentRight - numberStyle.Measure(number), lastTop, number, numberStyle);

                // A faint leader from the title to its number, drawn as a line rather than dots so extracted text stays clean.
                var end = flow.Left + indent + style.Measure(lines[^1]) + 4;
                var y = lastTop + style.BaselineOffset;
                if (end < flow.Setup.ContentRight - NumberColumn)
                {
                    flow.Line(end, y, flow.Setup.ContentRight - NumberColumn + 6, y, ReportStyles.RuleGrey, 0.4f);
                }

                flow.Add(new LinkOp(new SKRect(flow.Left, top, flow.Setup.ContentRight, top + height), entry.Anchor));
            }

            flow.Advance(height);
        }
    }
}
