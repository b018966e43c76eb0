using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Colour, float Width) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Y1 = Y1 + dy, Y2 = Y2 + dy };
}
