using ComplianceAuditor.KeyMaterial.Weakness;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class KeyStrengthTests
{
    [Theory]
    [InlineData("rsa1024-pkcs8.pem", "RSA key of 1024 bits (below 2048)")]
    [InlineData("ec-p192-sec1.pem", "EC key on secp192r1 of 192 bits (below 224)")]
    [InlineData("dsa2048-traditional.der", "DSA key (no longer approved for signing by FIPS 186-5)")]
    public void Weak_key_is_reported_with_the_reason(string name, string reason)
    {
        Assert.Equal(reason, KeyStrength.Assess(Fixture.Single(name)));
    }

    [Theory]
    [InlineData("rsa2048-pkcs8.pem")]
    [InlineData("ec-p256-sec1.pem")]
    [InlineData("ed25519-pkcs8.pem")]
    [InlineData("cert-codesign.pem")]
    public void Strong_key_or_certificate_has_no_weakness(string name)
    {
        Assert.Null(KeyStrength.Assess(Fixture.Single(name)));
    }

    [Fact]
    public void Certificate_signed_with_sha1_is_weak()
    {
        var reason = KeyStrength.Assess(Fixture.Single("cert-sha1.pem"));

        Assert.Equal("certificate signed with SHA-1withECDSA (MD5/SHA-1 signatures can be forged)", reason);
    }

    [Fact]
    public void Weakness_inside_a_container_is_reported_for_the_container()
    {
        var container = Fixture.Single("pkcs12-nopassword.p12") with
        {
            Contents = [Fixture.Single("rsa1024-pkcs1.pem")],
        };

        Assert.Equal("in the container: RSA key of 1024 bits (below 2048)", KeyStrength.Assess(container));
    }
}
