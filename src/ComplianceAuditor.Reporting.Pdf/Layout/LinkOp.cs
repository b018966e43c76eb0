using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>A clickable area that jumps to the <see cref="AnchorOp"/> of the same name.</summary>
internal sealed record LinkOp(SKRect Rect, string Name) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Rect = new SKRect(Rect.Left, Rect.Top + dy, Rect.Right, Rect.Bottom + dy) };
}
