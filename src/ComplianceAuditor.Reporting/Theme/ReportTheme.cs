namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// A lab's branding for the reports people read: its name, its logo and its colours, from a small YAML file
/// (<c>--theme</c>, see <c>reports/templates/theme.example.yaml</c>). Without a theme the report names only the tool.
/// </summary>
public sealed record ReportTheme
{
    /// <summary>No branding: the tool's colours, no lab name, no logo.</summary>
    public static ReportTheme Default { get; } = new();

    /// <summary>The lab's name, shown on the cover and as the PDF author.</summary>
    public string? Name { get; init; }

    /// <summary>The logo file's bytes (PNG or JPEG, at most <see cref="ThemeLoader.MaxLogoBytes"/>).</summary>
    public ReadOnlyMemory<byte> Logo { get; init; }

    /// <summary><c>png</c> or <c>jpeg</c>, as found from the file's signature (not its name); null without a logo.</summary>
    public string? LogoFormat { get; init; }

    /// <summary>Where the logo was read from, for error messages about it.</summary>
    public string? LogoSource { get; init; }

    public ThemeColours Colours { get; init; } = ThemeColours.Default;

    /// <summary>A line of the lab's own for the page footer (e.g. an accreditation number).</summary>
    public string? Footer { get; init; }

    /// <summary>The theme file this came from, or null for <see cref="Default"/>.</summary>
    public string? Source { get; init; }

    public bool HasLogo => !Logo.IsEmpty;
}
