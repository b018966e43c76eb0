using ComplianceAuditor.ProcessEvidence.Support;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SupportPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory]
    [InlineData("This model is supported until 2030-12-31.", 2030, 12, 31)]
    [InlineData("We ship security updates until December 2029.", 2029, 12, 31)]
    [InlineData("End of support: 2028-06", 2028, 6, 30)]
    [InlineData("Security patches are provided through 15 March 2031", 2031, 3, 15)]
    [InlineData("Maintained until Sept 30, 2027 at the latest", 2027, 9, 30)]
    [InlineData("EOL: 2029", 2029, 12, 31)]
    public void Date_formats_are_parsed_to_the_last_day_covered(string line, int year, int month, int day)
    {
        var statement = Assert.Single(SupportPeriod.Scan("/README.md", "intro\n" + line + "\n", Today));

        Assert.Equal(new DateOnly(year, month, day), statement.EndDate);
        Assert.Equal(2, statement.Evidence.Line);
        Assert.False(statement.IsPast);
    }

    [Fact]
    public void Past_end_date_is_flagged_and_status_is_ended()
    {
        var files = new InMemoryRepositoryFiles().Add("/SUPPORT.md", "# Support\nSecurity updates until June 2024.\n");

        var report = SupportPeriod.Find(files, Now);

        Assert.True(Assert.Single(report.Statements).IsPast);
        Assert.Equal(SupportPeriodStatus.Ended, report.Status);
    }

    [Fact]
    public void Current_statement_wins_over_an_ended_one()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/docs/lifecycle.md", "v1 is supported until 2025-01-31\nv2 is supported until 2031-01-31\n");

        var report = SupportPeriod.Find(files, Now);

        Assert.Equal(SupportPeriodStatus.Current, report.Status);
        Assert.Equal(new DateOnly(2031, 1, 31), report.LatestEndDate);
    }

    [Fact]
    public void Date_before_the_phrase_is_not_taken_as_the_end_date()
    {
        var statement = Assert.Single(SupportPeriod.Scan("/README.md", "Released 2020-01-01 and supported until further notice\n", Today));

        Assert.Null(statement.EndDate);
    }

    [Fact]
    public void Through_without_a_date_is_not_a_statement_but_until_without_a_date_is()
    {
        var text = "Updates are delivered through the Mender server.\nSecurity updates until further notice.\n";

        var statement = Assert.Single(SupportPeriod.Scan("/README.md", text, Today));

        Assert.Equal((2, (DateOnly?)null), (statement.Evidence.Line, statement.EndDate));
    }

    [Fact]
    public void Lifetime_wording_is_open_ended_without_date()
    {
        var files = new InMemoryRepositoryFiles().Add("/README.md", "Enjoy lifetime support for your device!\n");

        var report = SupportPeriod.Find(files, Now);

        Assert.True(Assert.Single(report.Statements).IsOpenEnded);
        Assert.Equal(SupportPeriodStatus.NoEndDate, report.Status);
    }

    [Fact]
    public void No_statement_or_non_document_files_mean_absent()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/README.md", "# Widget\nA tool released in 2024.\n")
            .Add("/src/main.c", "/* supported until 2030-01-01 */\n");

        Assert.Equal(SupportPeriodStatus.Absent, SupportPeriod.Find(files, Now).Status);
    }
}
