using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// Drawing done by someone else's code into a reserved area (a chart). The callback must draw vectors only and the
/// same way every time, or the PDF is neither searchable nor reproducible.
/// </summary>
internal sealed record CanvasOp(SKRect Area, Action<SKCanvas, SKRect> Draw) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Area = new SKRect(Area.Left, Area.Top + dy, Area.Right, Area.Bottom + dy) };
}
