using ComplianceAuditor.Update.Bundles.Mongoose;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Mongoose OS fw.zip bundles built here.</summary>
public sealed class MongooseFirmwareFormatTests
{
    private readonly MongooseFirmwareFormat _format = new();

    [Fact]
    public void A_bundle_with_SHA1_checksums_and_no_signature_has_both_weaknesses()
    {
        var result = Inspect.With(_format, MongooseBuilder.Build())!;

        Assert.Equal([MongooseFirmwareFormat.Sha1OnlyWeakness, MongooseFirmwareFormat.UnsignedWeakness], result.Codes());
        Assert.Equal("SHA-1", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
        Assert.Equal("1.4.2", result.Version);
        Assert.Contains(result.Facts, f => f.Name == "platform" && f.Value == "esp32");
    }

    [Fact]
    public void A_wrong_checksum_fails_integrity()
    {
        var result = Inspect.With(_format, MongooseBuilder.Build(appSha1: new string('0', 40)))!;

        Assert.False(result.Integrity!.Matches);
    }

    [Fact]
    public void A_signed_SHA256_bundle_reports_its_signature_as_not_verifiable_and_no_weakness()
    {
        var result = Inspect.With(_format, MongooseBuilder.Build(sha256: true, signed: true))!;

        Assert.Empty(result.Weaknesses);
        Assert.Equal(SignatureStatus.NotVerifiable, Assert.Single(result.Signatures).Status);
        Assert.Equal("SHA-256", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
    }

    [Fact]
    public void A_zip_whose_first_member_is_not_the_manifest_is_not_a_bundle()
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("readme.txt");
        }

        Assert.Null(Inspect.With(_format, output.ToArray()));
    }

    [Fact]
    public void A_damaged_zip_is_a_problem()
    {
        var bytes = MongooseBuilder.Build();

        var result = Inspect.With(_format, bytes[..200]);

        Assert.NotNull(result!.Problem);
    }
}
