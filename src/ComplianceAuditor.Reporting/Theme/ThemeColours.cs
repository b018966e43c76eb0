namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// A lab's colours as <c>#RRGGBB</c>. Kept as text rather than a graphics type so every report format (PDF, HTML,
/// charts) can use them without this project depending on a drawing library.
/// </summary>
/// <param name="Primary">Headings, rules and the cover band.</param>
/// <param name="Accent">Highlights such as the score gauge and table of contents numbers.</param>
public sealed record ThemeColours(
    string Primary, string Accent, string Pass, string Fail, string Inconclusive, string NotApplicable, string NotAssessed)
{
    /// <summary>The tool's own colours; each is distinguishable in greyscale too, because the verdict word is always printed.</summary>
    public static ThemeColours Default { get; } = new(
        "#1F3A5F", "#1565C0", "#1B7F3B", "#C62828", "#A15C00", "#616161", "#8E8E8E");
}
