using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// The faces for the text the charts draw themselves, and the family name ScottPlot knows the regular face by.
/// <see cref="Bold"/> is the regular face when the family has no bold: synthetic bold would become a Type 3 font in the PDF.
/// </summary>
internal sealed record ChartFont(SKTypeface Regular, SKTypeface Bold, string ScottPlotFamily);
