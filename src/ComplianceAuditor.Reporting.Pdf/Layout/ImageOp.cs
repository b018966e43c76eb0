using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>An encoded PNG or JPEG (the lab's logo) drawn into <paramref name="Rect"/>; decoded when painted.</summary>
internal sealed record ImageOp(ReadOnlyMemory<byte> Encoded, SKRect Rect) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Rect = new SKRect(Rect.Left, Rect.Top + dy, Rect.Right, Rect.Bottom + dy) };
}
