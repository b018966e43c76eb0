namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>A line of text at a baseline. Characters the style's font cannot draw are written as escapes (see <see cref="TextStyle.Drawable"/>).</summary>
internal sealed record TextOp(float X, float Baseline, string Text, TextStyle Style) : DrawOp
{
    /// <summary>Every line drawn passes here, so no character is silently left out of the page.</summary>
    public string Text { get; init; } = Style.Drawable(Text);

    public override DrawOp Shift(float dy) => this with { Baseline = Baseline + dy };
}
