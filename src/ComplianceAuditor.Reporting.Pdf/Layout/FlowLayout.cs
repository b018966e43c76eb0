using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// The cursor that flows content down the page and onto new pages. It records <see cref="DrawOp"/>s per page; nothing
/// is drawn until the whole document is laid out.
/// </summary>
internal sealed class FlowLayout
{
    private readonly List<List<DrawOp>> pages = [];
    private List<DrawOp> page = [];

    public FlowLayout(PageSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Setup = setup;
        NewPage();
    }

    public PageSetup Setup { get; }

    /// <summary>Top of the next line, in points from the top of the page.</summary>
    public float Y { get; private set; }

    public float Left => Setup.ContentLeft;

    public float Width => Setup.ContentWidth;

    public float Remaining => Setup.ContentBottom - Y;

    public bool AtPageTop => Y <= Setup.ContentTop;

    public IReadOnlyList<IReadOnlyList<DrawOp>> Pages => pages;

    public void NewPage()
    {
        page = [];
        pages.Add(page);
        Y = Setup.ContentTop;
    }

    /// <summary>Starts a new page unless a block of this height fits on the current one (or the page is still empty).</summary>
    public void KeepTogether(float height)
    {
        if (height > Remaining && !AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>Vertical space between blocks; dropped at the top of a page, where it would only look like a gap.</summary>
    public void Space(float height)
    {
        if (!AtPageTop)
        {
            Y = Math.Min(Y + height, Setup.ContentBottom);
        }
    }

    /// <summary>Moves the cursor past something drawn with the primitives below.</summary>
    public void Advance(float height) => Y += height;

    public void Paragraph(string text, TextStyle style, float indent = 0)
    {
        ArgumentNullException.ThrowIfNull(style);
        foreach (var line in TextWrapper.Wrap(text, style, Width - indent))
        {
            if (style.LineHeight > Remaining)
            {
                NewPage();
            }

            Text(Left + indent, Y, line, style);
            Y += style.LineHeight;
        }
    }

    /// <summary>A heading that is never left alone at the bottom of a page: it moves on with the content after it.</summary>
    public void Heading(string text, TextStyle style, float spaceBefore, float keepWithNext)
    {
        ArgumentNullException.ThrowIfNull(style);
        Space(spaceBefore);
        var lines = TextWrapper.Wrap(text, style, Width).Count;
        KeepTogether((lines * style.LineHeight) + keepWithNext);
        Paragraph(text, style);
        Y += style.LineHeight * 0.3f;
    }

    /// <summary>A label in a fixed-width column with its value wrapped beside it.</summary>
    public void LabelledValue(string label, string value, TextStyle labelStyle, TextStyle valueStyle, float labelWidth)
    {
        ArgumentNullException.ThrowIfNull(labelStyle);
        ArgumentNullException.ThrowIfNull(valueStyle);
        var lines = TextWrapper.Wrap(value, valueStyle, Width - labelWidth);
        var lineHeight = Math.Max(labelStyle.LineHeight, valueStyle.LineHeight);
        KeepTogether(lines.Count * lineHeight);
        Text(Left, Y, label, labelStyle);
        foreach (var line in lines)
        {
            Text(Left + labelWidth, Y, line, valueStyle);
            Y += lineHeight;
        }
    }

    public void Text(float x, float top, string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (text.Length > 0)
        {
            page.Add(new TextOp(x, top + style.BaselineOffset, text, style));
        }
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor colour, float width) =>
        page.Add(new LineOp(x1, y1, x2, y2, colour, width));

    public void Fill(SKRect rect, SKColor colour) => page.Add(new FillOp(rect, colour));
}
