namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>A named destination (where a table of contents link jumps to).</summary>
internal sealed record AnchorOp(string Name, float X, float Y) : DrawOp
{
    public override DrawOp Shift(float dy) => this with { Y = Y + dy };
}
