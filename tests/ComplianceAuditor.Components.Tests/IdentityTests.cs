using ComplianceAuditor.Components.Identity;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Package URLs and CPE names are built only when well-formed.</summary>
public sealed class IdentityTests
{
    [Theory]
    [InlineData("deb", "debian", "curl", "7.88.1-10+deb12u5", "pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5")]
    [InlineData("generic", null, "busybox", "1.36.1", "pkg:generic/busybox@1.36.1")]
    [InlineData("generic", null, "name with space", null, "pkg:generic/name%20with%20space")]
    [InlineData("generic", null, "ünïcode", "1", "pkg:generic/%C3%BCn%C3%AFcode@1")]
    public void Purls_are_percent_encoded(string type, string? ns, string name, string? version, string expected) =>
        Assert.Equal(expected, Purl.Build(new PurlKind(type, ns), name, version));

    [Theory]
    [InlineData("1.0 beta")]
    [InlineData("-1")]
    [InlineData("1.0…")]
    public void Versions_that_are_not_plain_identifiers_get_no_purl_or_cpe(string version)
    {
        Assert.Null(Purl.Build(PurlKind.Generic, "busybox", version));
        Assert.Null(Cpe.Build("busybox", version));
    }

    [Fact]
    public void Cpe_quotes_reserved_characters_and_is_given_only_for_known_products()
    {
        Assert.Equal("cpe:2.3:a:haxx:curl:7.88.1\\+deb:*:*:*:*:*:*:*", Cpe.Build("curl", "7.88.1+deb"));
        Assert.Null(Cpe.Build("some-vendor-tool", "1.0"));
        Assert.Null(Cpe.Build("busybox", null));
    }
}
