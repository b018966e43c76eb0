using ComplianceAuditor.Tests.Shared;

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

        // Only the dates differ: the text is the same once the two timestamps are set aside.
        var dir = Path.Combine(Path.GetTempPath(), $"pdf-dates-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "a.pdf"), first);
            File.WriteAllBytes(Path.Combine(dir, "b.pdf"), later);
            var a = Poppler.Text(Path.Combine(dir, "a.pdf")).Replace("2023-11-14T22:13:20Z", "DATE", StringComparison.Ordinal);
            var b = Poppler.Text(Path.Combine(dir, "b.pdf")).Replace("2023-11-15T22:13:20Z", "DATE", StringComparison.Ordinal);
            Assert.Contains("DATE", a, StringComparison.Ordinal);
            Assert.Equal(a, b);
            Assert.Matches(@"CreationDate:\s+2023-11-15T22:13:20", Poppler.Run("pdfinfo", "-isodates", Path.Combine(dir, "b.pdf")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
