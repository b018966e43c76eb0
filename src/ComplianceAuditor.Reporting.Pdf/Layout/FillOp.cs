using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <param name="Radius">Corner radius; 0 for a plain rectangle.</param>
/// <param name="Stroke">An outline drawn over the fill, or null for none; <see cref="SKColors.Empty"/> fill means outline only.</param>
internal sealed record FillOp(SKRect Rect, SKColor Colour, float Radius = 0, SKColor? Stroke = null, float StrokeWidth = 0.75f) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Rect = new SKRect(Rect.Left, Rect.Top + dy, Rect.Right, Rect.Bottom + dy) };
}
