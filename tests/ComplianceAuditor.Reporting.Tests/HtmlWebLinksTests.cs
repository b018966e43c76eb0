namespace ComplianceAuditor.Reporting.Tests;

/// <summary>The one http(s) check behind the HTML report's links and the SBOM's external references.</summary>
public sealed class HtmlWebLinksTests
{
    [Theory]
    [InlineData("https://example.org/a?b=c", "https://example.org/a?b=c")]
    [InlineData("  http://example.org  ", "http://example.org/")]
    [InlineData("HTTPS://Example.ORG/x", "https://example.org/x")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("ftp://example.org/", null)]
    [InlineData("/relative/path", null)]
    [InlineData("https://example.org/a b", null)]
    [InlineData("https://example.org/\u0007", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_plain_absolute_http_addresses_are_links(string? url, string? expected)
    {
        Assert.Equal(expected, WebLinks.Normalize(url));
        Assert.Equal(expected is not null, WebLinks.IsHttp(url));
    }

    [Fact]
    public void An_address_past_the_length_bound_is_refused()
    {
        var url = "https://example.org/" + new string('a', WebLinks.MaxLength);

        Assert.False(WebLinks.IsHttp(url));
        Assert.True(WebLinks.IsHttp(url[..WebLinks.MaxLength]));
    }

    [Fact]
    public void The_html_report_links_and_the_sbom_use_the_same_check()
    {
        Assert.Equal(WebLinks.Normalize(" https://example.org/x "), Html.Views.LinkView.Safe(" https://example.org/x "));
        Assert.Null(Html.Views.LinkView.Safe("javascript:alert(1)"));
    }
}
