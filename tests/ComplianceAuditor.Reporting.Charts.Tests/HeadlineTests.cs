namespace ComplianceAuditor.Reporting.Charts.Tests;

public class HeadlineTests
{
    [Fact]
    public void Etsi_is_the_headline_when_present_even_when_not_first()
    {
        var report = HandReport.ThreeSchemes();

        Assert.Equal("etsi-en-303-645", ReportCharts.HeadlineScheme(report)?.Id);
        Assert.Contains("ETSI EN 303 645: 55 of 100", ChartListTests.Chart(report, "gauge").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_etsi_the_first_mandatory_share_scheme_is_the_headline()
    {
        var report = HandReport.With(
        [
            HandReport.Scheme("stars", "Stars", 10, model: "stars"),
            HandReport.Scheme("share-1", "Share one", 20),
            HandReport.Scheme("share-2", "Share two", 30),
        ]);

        Assert.Equal("share-1", ReportCharts.HeadlineScheme(report)?.Id);
    }

    [Fact]
    public void Without_a_mandatory_share_scheme_the_first_scheme_is_the_headline()
    {
        var report = HandReport.With(
        [
            HandReport.Scheme("levels", "Levels", 10, model: "levels"),
            HandReport.Scheme("stars", "Stars", 20, model: "stars"),
        ]);

        Assert.Equal("levels", ReportCharts.HeadlineScheme(report)?.Id);
    }

    [Fact]
    public void Without_schemes_there_is_no_headline()
    {
        Assert.Null(ReportCharts.HeadlineScheme(HandReport.With()));
    }

    [Fact]
    public void The_gauge_description_names_the_grade_when_the_model_gives_one()
    {
        var report = HandReport.With([HandReport.Scheme("etsi-en-303-645", "ETSI", 91.25, label: "PASS", failed: false, grade: "A")]);

        Assert.Equal("Headline score for ETSI: 91.3 of 100, rated PASS, grade A.", ChartListTests.Chart(report, "gauge").Description);
    }
}
