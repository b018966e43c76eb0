namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// The colours of every chart, each as <c>#RRGGBB</c>. The defaults keep pass and fail apart for the common forms of
/// colour blindness (blue against orange rather than green against red); a lab's theme file can replace any of them.
/// </summary>
/// <param name="Pass">Passed results and provisions.</param>
/// <param name="Fail">Failures; severities are shades of it.</param>
/// <param name="Inconclusive">Results the tool could not decide (and rule errors).</param>
/// <param name="NotApplicable">Results and provisions that do not apply.</param>
/// <param name="NotAssessed">Provisions no check or declaration covers, and waived failures.</param>
/// <param name="Accent">The gauge when the score is neither a failure nor complete.</param>
/// <param name="Text">Labels and numbers.</param>
/// <param name="Grid">Axes, grid lines and the empty part of the gauge.</param>
public sealed record ChartPalette(
    string Pass,
    string Fail,
    string Inconclusive,
    string NotApplicable,
    string NotAssessed,
    string Accent,
    string Text,
    string Grid)
{
    public static ChartPalette Default { get; } = new(
        Pass: "#1A7F5A",
        Fail: "#C2410C",
        Inconclusive: "#B7950B",
        NotApplicable: "#8C9AA8",
        NotAssessed: "#CBD2D9",
        Accent: "#1F5FAD",
        Text: "#1F2933",
        Grid: "#D9DEE3");
}
