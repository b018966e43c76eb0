namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>Page size and margins in PDF points (1/72 inch); the margins leave room for the running header and footer.</summary>
internal sealed record PageSetup(float Width, float Height, float MarginLeft, float MarginTop, float MarginRight, float MarginBottom)
{
    /// <summary>ISO A4, 210 x 297 mm.</summary>
    public static PageSetup A4 { get; } = new(595.28f, 841.89f, 50, 62, 50, 58);

    public float ContentLeft => MarginLeft;

    public float ContentTop => MarginTop;

    public float ContentRight => Width - MarginRight;

    public float ContentBottom => Height - MarginBottom;

    public float ContentWidth => ContentRight - ContentLeft;

    public float ContentHeight => ContentBottom - ContentTop;
}
