namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>A chart of the summary as inline SVG, with its title and the same numbers in words for those who cannot see it.</summary>
public sealed record ChartView(string Id, string Title, string Description, TrustedMarkup Svg);
