using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Colour, float Width) : DrawOp;
