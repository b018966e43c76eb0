namespace ComplianceAuditor.Reporting.Pdf.Layout;

internal sealed record TextOp(float X, float Baseline, string Text, TextStyle Style) : DrawOp;
