using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>The running header and footer drawn on every page; the footer's right side is "page N of M".</summary>
internal sealed record PageFrame(string HeaderLeft, string HeaderRight, string FooterLeft, TextStyle Style, SKColor RuleColour);
