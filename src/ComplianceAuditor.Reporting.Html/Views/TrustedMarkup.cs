namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// Markup the writer made itself and vouches for (our script, a chart's SVG whose texts the chart code escapes). It
/// skips the firmware-text sanitiser, which would cut it, and reaches the page only where a template asks for
/// <c>| raw</c>; everything else a template prints is encoded, with or without <c>| raw</c>.
/// </summary>
public sealed record TrustedMarkup(string Markup);
