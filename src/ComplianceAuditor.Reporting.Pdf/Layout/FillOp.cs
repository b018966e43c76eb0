using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

internal sealed record FillOp(SKRect Rect, SKColor Colour) : DrawOp;
