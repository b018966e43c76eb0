using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// A bordered table that wraps cell text, breaks across pages between rows (or inside a row taller than a page),
/// and repeats its header row at the top of every page it continues on.
/// </summary>
internal sealed class TableLayout
{
    private const float PadX = 3.5f;
    private const float PadY = 2.5f;
    private static readonly SKColor Border = new(0xFF9E9E9E);
    private static readonly SKColor HeaderFill = new(0xFFE6E9EE);
    private static readonly SKColor StripeFill = new(0xFFF6F7F9);

    private readonly IReadOnlyList<TableColumn> columns;
    private readonly TextStyle body;
    private readonly TextStyle header;
    private readonly float? width;
    private readonly List<IReadOnlyList<TableCell>> rows = [];

    /// <param name="width">Table width in points; the full content width when null.</param>
    public TableLayout(IReadOnlyList<TableColumn> columns, TextStyle body, TextStyle header, float? width = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        this.columns = columns;
        this.body = body;
        this.header = header;
        this.width = width;
    }

    public int RowCount => rows.Count;

    public void AddRow(params IReadOnlyList<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != columns.Count)
        {
            throw new ArgumentException($"a row needs {columns.Count} cells, got {cells.Count}", nameof(cells));
        }

        rows.Add(cells);
    }

    public void Render(FlowLayout flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var edges = ColumnEdges(flow);
        var head = Prepare(columns.Select(c => new TableCell(c.Header, header)).ToArray(), edges);
        var prepared = rows.Select(r => Prepare(r, edges)).ToArray();

        // The header never stands alone at the bottom of a page: it goes together with the first row.
        flow.KeepTogether(head.Height + (prepared.Length > 0 ? prepared[0].Height : 0));
        DrawSlice(flow, edges, head, 0, head.LineCount, HeaderFill);
        for (var i = 0; i < prepared.Length; i++)
        {
            DrawRow(flow, edges, head, prepared[i], i % 2 == 1 ? StripeFill : SKColors.Empty);
        }
    }

    private void DrawRow(FlowLayout flow, float[] edges, PreparedRow head, PreparedRow row, SKColor fill)
    {
        var start = 0;
        while (start < row.LineCount)
        {
            var left = row.LineCount - start;
            // The epsilon keeps float rounding from turning "exactly fits" into "one line short".
            var fit = (int)Math.Floor(((flow.Remaining - (2 * PadY)) / row.LineHeight) + 0.001f);
            if (fit >= left)
            {
                DrawSlice(flow, edges, row, start, left, fill);
                return;
            }

            // A row that fits on a fresh page moves there whole; only a row taller than a page is split between lines.
            var fitsFreshPage = start == 0 && row.Height <= flow.Setup.ContentHeight - head.Height;
            if (!fitsFreshPage && fit > 0)
            {
                DrawSlice(flow, edges, row, start, fit, fill);
                start += fit;
            }
            else if (fitsFreshPage && flow.Y <= flow.Setup.ContentTop + head.Height)
            {
                throw new InvalidOperationException("a table row fits neither the current page nor a fresh one");
            }

            flow.NewPage();
            DrawSlice(flow, edges, head, 0, head.LineCount, HeaderFill);
        }
    }

    private void DrawSlice(FlowLayout flow, float[] edges, PreparedRow row, int start, int count, SKColor fill)
    {
        var top = flow.Y;
        var height = (count * row.LineHeight) + (2 * PadY);
        var rect = new SKRect(edges[0], top, edges[^1], top + height);
        if (fill != SKColors.Empty)
        {
            flow.Fill(rect, fill);
        }

        for (var c = 0; c < row.Cells.Count; c++)
        {
            var (lines, style) = row.Cells[c];
            for (var j = start; j < Math.Min(lines.Count, start + count); j++)
            {
                var x = columns[c].AlignRight ? edges[c + 1] - PadX - style.Measure(lines[j]) : edges[c] + PadX;
                flow.Text(x, top + PadY + ((j - start) * row.LineHeight), lines[j], style);
            }
        }

        flow.Line(rect.Left, rect.Top, rect.Right, rect.Top, Border, 0.5f);
        flow.Line(rect.Left, rect.Bottom, rect.Right, rect.Bottom, Border, 0.5f);
        foreach (var x in edges)
        {
            flow.Line(x, rect.Top, x, rect.Bottom, Border, 0.5f);
        }

        flow.Advance(height);
    }

    private float[] ColumnEdges(FlowLayout flow)
    {
        var total = width ?? flow.Width;
        var weights = columns.Sum(c => c.Weight);
        var edges = new float[columns.Count + 1];
        edges[0] = flow.Left;
        for (var i = 0; i < columns.Count; i++)
        {
            edges[i + 1] = edges[i] + (total * columns[i].Weight / weights);
        }

        return edges;
    }

    private PreparedRow Prepare(IReadOnlyList<TableCell> cells, float[] edges)
    {
        var prepared = new List<(IReadOnlyList<string>, TextStyle)>(cells.Count);
        for (var c = 0; c < cells.Count; c++)
        {
            var style = cells[c].Style ?? columns[c].Style ?? body;
            prepared.Add((TextWrapper.Wrap(cells[c].Text, style, edges[c + 1] - edges[c] - (2 * PadX)), style));
        }

        var lineHeight = prepared.Max(p => p.Item2.LineHeight);
        var lineCount = prepared.Max(p => p.Item1.Count);
        return new PreparedRow(prepared, lineHeight, lineCount, (lineCount * lineHeight) + (2 * PadY));
    }

    private sealed record PreparedRow(
        IReadOnlyList<(IReadOnlyList<string> Lines, TextStyle Style)> Cells, float LineHeight, int LineCount, float Height);
}
