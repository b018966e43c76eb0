using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Colours for verdict, outcome and severity words. The word itself is always printed too, so the report still
/// reads in greyscale and for colour-blind readers.
/// </summary>
internal static class Palette
{
    private static readonly SKColor Green = new(0xFF1B7F3B);
    private static readonly SKColor Red = new(0xFFC62828);
    private static readonly SKColor DarkRed = new(0xFF8B0000);
    private static readonly SKColor Amber = new(0xFFA15C00);
    private static readonly SKColor Purple = new(0xFF7B1FA2);
    private static readonly SKColor Blue = new(0xFF1565C0);
    private static readonly SKColor Grey = new(0xFF616161);

    /// <summary>For <c>pass</c>, <c>fail</c>, <c>notApplicable</c>... and rating labels (<c>PASS</c>, <c>INCOMPLETE</c>).</summary>
    public static SKColor? ForWord(string word) => word.ToUpperInvariant() switch
    {
        "PASS" => Green,
        "FAIL" => Red,
        "INCONCLUSIVE" or "INCOMPLETE" => Amber,
        "ERROR" => Purple,
        "NOTAPPLICABLE" or "NOTASSESSED" => Grey,
        _ => null,
    };

    public static SKColor? ForSeverity(string severity) => severity.ToUpperInvariant() switch
    {
        "CRITICAL" => DarkRed,
        "HIGH" => Red,
        "MEDIUM" => Amber,
        "LOW" => Blue,
        "INFO" => Grey,
        _ => null,
    };
}
