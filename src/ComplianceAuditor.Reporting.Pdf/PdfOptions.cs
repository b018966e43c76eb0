using ComplianceAuditor.Reporting.Theme;

namespace ComplianceAuditor.Reporting.Pdf;

/// <summary>
/// How the PDF is rendered. Unset font files mean system fonts found through fontconfig; a lab sets them to get the
/// same output on every machine, whatever fonts happen to be installed.
/// </summary>
public sealed record PdfOptions
{
    /// <summary>A TrueType/OpenType file for body text (the CLI's <c>--pdf-font</c>).</summary>
    public string? FontFile { get; init; }

    /// <summary>The bold face; without it, headings use the regular face of <see cref="FontFile"/>.</summary>
    public string? BoldFontFile { get; init; }

    /// <summary>The face for hashes, paths and excerpts; without it, a system monospace face, else the regular face.</summary>
    public string? MonoFontFile { get; init; }

    /// <summary>The lab's name, logo, colours and footer line (<c>--theme</c>); the tool's own look when not set.</summary>
    public ReportTheme Theme { get; init; } = ReportTheme.Default;
}
