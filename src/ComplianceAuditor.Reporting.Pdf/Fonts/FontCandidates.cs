namespace ComplianceAuditor.Reporting.Pdf.Fonts;

/// <summary>
/// System families tried in order. DejaVu first because Debian's <c>fonts-dejavu-core</c> is the smallest package
/// that covers Latin, Greek and Cyrillic, which firmware strings do contain.
/// </summary>
internal static class FontCandidates
{
    public static IReadOnlyList<string> Sans { get; } = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"];

    public static IReadOnlyList<string> Mono { get; } = ["DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono"];

    /// <summary>What the resolver checks a face against: a face without these is a fallback or a symbol font.</summary>
    public const string Probe = "AaZz09";

    public const string InstallHint =
        "Install a font package (Debian/Ubuntu: apt-get install fonts-dejavu-core) or pass a TrueType/OpenType file with "
        + "--pdf-font (PdfOptions.FontFile).";

    public const string FileHint =
        "Pass an existing TrueType/OpenType file, or leave the option out to use system fonts "
        + "(Debian/Ubuntu: apt-get install fonts-dejavu-core).";
}
