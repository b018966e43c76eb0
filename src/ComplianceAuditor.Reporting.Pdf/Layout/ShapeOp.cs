using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// A closed polygon (a rating star). Points rather than an <see cref="SKPath"/>, so the operation owns nothing
/// native and stays an immutable value; the painter builds the path when it draws.
/// </summary>
internal sealed record ShapeOp(IReadOnlyList<SKPoint> Points, SKColor Fill, SKColor Stroke, float StrokeWidth) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Points = Points.Select(p => new SKPoint(p.X, p.Y + dy)).ToArray() };
}
