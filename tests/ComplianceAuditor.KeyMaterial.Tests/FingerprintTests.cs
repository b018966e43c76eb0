namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>Our SPKI fingerprints equal OpenSSL's for every fixture format: the derivation is the whole point of them.</summary>
public sealed class FingerprintTests
{
    public static TheoryData<string> FilesWithExpectedSpki()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixture.ExpectedSpki.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesWithExpectedSpki))]
    public void Fingerprint_equals_the_one_openssl_computes(string name)
    {
        var item = Fixture.Single(name);

        Assert.Equal(Fixture.ExpectedSpki[name], item.SpkiSha256);
    }
}
