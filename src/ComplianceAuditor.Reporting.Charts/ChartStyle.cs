namespace ComplianceAuditor.Reporting.Charts;

/// <summary>How the charts look: the colours and, optionally, the font file their text is set in.</summary>
/// <param name="FontFile">
/// A TrueType/OpenType file for every chart text (the PDF passes the font it embeds, so the charts match the body);
/// null picks a system sans-serif through fontconfig.
/// </param>
public sealed record ChartStyle(ChartPalette Palette, string? FontFile = null)
{
    public static ChartStyle Default { get; } = new(ChartPalette.Default);
}
