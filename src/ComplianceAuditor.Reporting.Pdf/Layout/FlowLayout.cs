using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// The cursor that flows content down the page and onto new pages. It records <see cref="DrawOp"/>s per page; nothing
/// is drawn until the whole document is laid out.
/// </summary>
internal sealed class FlowLayout
{
    private readonly List<List<DrawOp>> pages = [];
    private readonly List<(string Name, int Page)> anchors = [];
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

    /// <summary>Named places (section starts) with the index of the page each is on, in the order they were marked.</summary>
    public IReadOnlyList<(string Name, int Page)> Anchors => anchors;

    /// <summary>Index of the page being filled.</summary>
    public int PageIndex => pages.Count - 1;

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

    /// <summary>A label in a fixed-width column with its value wrapped beside it, kept on one page when it fits one.</summary>
    public void LabelledValue(string label, string value, TextStyle labelStyle, TextStyle valueStyle, float labelWidth)
    {
        var block = new Block(Left, Width);
        block.LabelledValue(label, value, labelStyle, valueStyle, labelWidth);
        Place(block);
    }

    public void Text(float x, float top, string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (text.Length > 0)
        {
            page.Add(new TextOp(x, top + style.BaselineOffset, text, style));
        }
    }

    /// <summary>Records a named destination at the cursor, so a table of contents can give its page and link to it.</summary>
    public void Mark(string name)
    {
        anchors.Add((name, PageIndex));
        page.Add(new AnchorOp(name, Left, Y));
    }

    /// <summary>Adds an operation already positioned on the page.</summary>
    public void Add(DrawOp op) => page.Add(op);

    /// <summary>
    /// Places a block: whole on this page when it fits, else whole on the next; a block taller than a page starts
    /// here (or on a fresh page when little room is left) and breaks between lines, each continuation page opening
    /// with <paramref name="continuation"/> (e.g. the finding's id and "(continued)").
    /// </summary>
    public void Place(Block block, Block? continuation = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var height = block.Height;
        if (height > Remaining && !AtPageTop && (height <= Setup.ContentHeight || Remaining < Setup.ContentHeight / 3))
        {
            NewPage();
        }

        foreach (var line in block.Lines)
        {
            if (line.Height > Remaining + 0.01f)
            {
                NewPage();
                if (continuation is not null)
                {
                    foreach (var c in continuation.Lines)
                    {
                        PlaceLine(c);
                    }
                }
            }

            PlaceLine(line);
        }
    }

    private void PlaceLine(BlockLine line)
    {
        if (line.IsSpace)
        {
            Space(line.Height);
            return;
        }

        foreach (var op in line.Ops)
        {
            page.Add(op.Shift(Y));
        }

        Y += line.Height;
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor colour, float width) =>
        page.Add(new LineOp(x1, y1, x2, y2, colour, width));

    public void Fill(SKRect rect, SKColor colour) => page.Add(new FillOp(rect, colour));
}
