namespace ComplianceAuditor.Reporting.Pdf.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_report_gives_identical_bytes()
    {
        var first = RenderedSample.Render(new PdfOptions());
        var second = RenderedSample.Render(new PdfOptions());

        Assert.Equal(first.Length, second.Length);
        Assert.True(first.AsSpan().SequenceEqual(second), "two renders of one report differ");
    }

    [Fact]
    public void Output_changes_with_the_report_time_and_nothing_else()
    {
        var report = SampleReport.Build();
        var first = RenderedSample.Render(new PdfOptions(), report);
        var later = RenderedSample.Render(new PdfOptions(), report with { GeneratedAt = report.GeneratedAt.AddDays(1) });

        Assert.False(first.AsSpan().SequenceEqual(later));
    }
}
