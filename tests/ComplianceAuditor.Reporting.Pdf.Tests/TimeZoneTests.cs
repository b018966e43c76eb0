namespace ComplianceAuditor.Reporting.Pdf.Tests;

[Collection(SerialTests.Name)]
public sealed class TimeZoneTests
{
    [Fact]
    public void Bytes_and_dates_do_not_depend_on_the_machine_time_zone()
    {
        var utc = WithTimeZone("UTC", () => RenderedSample.Render(new PdfOptions()));
        var newYork = WithTimeZone("America/New_York", () => RenderedSample.Render(new PdfOptions()));
        var kolkata = WithTimeZone("Asia/Kolkata", () => RenderedSample.Render(new PdfOptions()));

        Assert.True(utc.AsSpan().SequenceEqual(newYork), "New York output differs from UTC output");
        Assert.True(utc.AsSpan().SequenceEqual(kolkata), "Kolkata output differs from UTC output");
        Assert.Contains("/CreationDate (D:20231114221320+00'00')", System.Text.Encoding.Latin1.GetString(newYork), StringComparison.Ordinal);
    }

    private static T WithTimeZone<T>(string zone, Func<T> action)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            // Guards the test itself: if .NET ignored TZ here, the comparison above would prove nothing.
            Assert.Equal(zone, TimeZoneInfo.Local.Id);
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
