using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// Content laid out before it is placed, so its height is known: <see cref="FlowLayout.Place"/> keeps it on one page
/// when it fits one, and splits it between lines (never inside one) when it is taller than a page.
/// Each line's operations are relative to the line's top.
/// </summary>
internal sealed class Block
{
    private readonly List<BlockLine> lines = [];

    public Block(float left, float width)
    {
        Left = left;
        Width = width;
    }

    public float Left { get; }

    public float Width { get; }

    public IReadOnlyList<BlockLine> Lines => lines;

    public float Height => lines.Sum(l => l.Height);

    /// <summary>Wrapped text; <paramref name="background"/> fills behind each of its lines (a title band).</summary>
    public void Paragraph(string text, TextStyle style, float indent = 0, SKColor? background = null)
    {
        ArgumentNullException.ThrowIfNull(style);
        foreach (var line in TextWrapper.Wrap(text, style, Width - indent - (background is null ? 0 : 8)))
        {
            var ops = new List<DrawOp>();
            var x = Left + indent;
            if (background is { } fill)
            {
                ops.Add(new FillOp(new SKRect(Left, 0, Left + Width, style.LineHeight), fill));
                x += 4;
            }

            if (line.Length > 0)
            {
                ops.Add(new TextOp(x, style.BaselineOffset, line, style));
            }

            lines.Add(new BlockLine(style.LineHeight, ops, false));
        }
    }

    /// <summary>
    /// A bold label in a fixed column with its value wrapped beside it. The label wraps within its column too: labels
    /// can be names from the report (an input, a scheme) and must never run into the value.
    /// </summary>
    public void LabelledValue(string label, string value, TextStyle labelStyle, TextStyle valueStyle, float labelWidth)
    {
        ArgumentNullException.ThrowIfNull(labelStyle);
        ArgumentNullException.ThrowIfNull(valueStyle);
        var height = Math.Max(labelStyle.LineHeight, valueStyle.LineHeight);
        var labels = label.Length == 0 ? [] : TextWrapper.Wrap(label, labelStyle, labelWidth - 6);
        var values = TextWrapper.Wrap(value, valueStyle, Width - labelWidth);
        for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
        {
            var ops = new List<DrawOp>();
            if (i < labels.Count && labels[i].Length > 0)
            {
                ops.Add(new TextOp(Left, labelStyle.BaselineOffset, labels[i], labelStyle));
            }

            if (i < values.Count && values[i].Length > 0)
            {
                ops.Add(new TextOp(Left + labelWidth, valueStyle.BaselineOffset, values[i], valueStyle));
            }

            lines.Add(new BlockLine(height, ops, false));
        }
    }

    /// <summary>Vertical space; dropped when it would fall at the top of a page.</summary>
    public void Space(float height) => lines.Add(new BlockLine(height, [], true));
}

/// <param name="IsSpace">Only space: left out at the top of a page.</param>
internal sealed record BlockLine(float Height, IReadOnlyList<DrawOp> Ops, bool IsSpace);
