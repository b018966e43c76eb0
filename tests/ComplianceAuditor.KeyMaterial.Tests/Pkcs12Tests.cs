using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class Pkcs12Tests
{
    [Fact]
    public void Container_without_any_password_lists_its_key_and_certificate()
    {
        var item = Fixture.Single("pkcs12-nopassword.p12");

        Assert.Equal(KeyKind.Pkcs12, item.Kind);
        Assert.Null(item.Note);
        Assert.Collection(
            item.Contents.OrderBy(c => c.Kind),
            key => Assert.Equal((KeyKind.PrivateKey, Fixture.ExpectedSpki["rsa2048-pkcs8.pem"]), (key.Kind, key.SpkiSha256)),
            certificate => Assert.Equal(
                (KeyKind.Certificate, Fixture.ExpectedSpki["cert-selfsigned-expired.pem"]), (certificate.Kind, certificate.SpkiSha256)));
        Assert.True(item.ContainsPrivateKey);
    }

    [Fact]
    public void Container_with_the_empty_password_is_opened_key_leaf_and_ca()
    {
        var item = Fixture.Single("pkcs12-empty-password.p12");

        Assert.Equal(KeyKind.Pkcs12, item.Kind);
        Assert.Null(item.Note);
        Assert.Equal(3, item.Contents.Count);
        Assert.Contains(item.Contents, c => c.Kind == KeyKind.PrivateKey && c.SpkiSha256 == Fixture.ExpectedSpki["cert-codesign.pem"]);
        Assert.Contains(item.Contents, c => c.Certificate is { IsCodeSigning: true });
        Assert.Contains(item.Contents, c => c.Certificate is { IsCa: true, IsSelfSigned: true });
    }

    [Fact]
    public void Container_with_a_real_password_is_still_confirmed_with_its_contents_closed()
    {
        var item = Fixture.Single("pkcs12-password.p12");

        Assert.Equal(KeyKind.Pkcs12, item.Kind);
        Assert.DoesNotContain(item.Contents, c => c.Kind is KeyKind.PrivateKey or KeyKind.Certificate);
        Assert.Contains("password other than the empty one", item.Note, StringComparison.Ordinal);
    }
}
