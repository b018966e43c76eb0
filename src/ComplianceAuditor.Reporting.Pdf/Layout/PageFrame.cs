using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// The running header and footer; the footer's right side is "Page N of M". Pages before <paramref name="FirstFramedPage"/>
/// (the cover's first page) have none: a cover with a running header looks like an inner page.
/// </summary>
/// <param name="FirstFramedPage">Zero-based index of the first page that gets the frame.</param>
internal sealed record PageFrame(string HeaderLeft, string HeaderRight, string FooterLeft, TextStyle Style, SKColor RuleColour, int FirstFramedPage);
