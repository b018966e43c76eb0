namespace ComplianceAuditor.Reporting.Charts;

/// <summary>One chart's drawing, at its natural size with the origin at its top-left corner.</summary>
internal interface IChartBody
{
    void Paint(ChartPainter painter, float width, float height);
}
