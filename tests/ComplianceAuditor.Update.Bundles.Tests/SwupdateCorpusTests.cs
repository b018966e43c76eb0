using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Bundles.Swupdate;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>The SWUpdate samples of the shared corpus, each with the outcome its SOURCES.md row names.</summary>
public sealed class SwupdateCorpusTests
{
    private const string Output = "corpus/swugenerator/tests/test_data/integration_output/";
    private readonly SwupdateBundleFormat _format = new();

    [SharedFact(Output + "signed_output.swu")]
    public void The_signed_swugenerator_bundle_is_signed_with_its_published_test_key_and_has_ten_matching_sha256()
    {
        var result = Corpus.Inspect(_format, Output + "signed_output.swu")!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
        Assert.Equal("RSA PKCS#1 v1.5 SHA-256", signature.Algorithm);
        Assert.Equal("tests/test_data/integration_input/private.pem", signature.TestKey!.Origins[0].Path);
        Assert.Equal(10, result.Facts.Count(f => f.Value.EndsWith("sha256 matches", StringComparison.Ordinal)));
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("1.0.0", result.Version);
        Assert.Empty(result.Weaknesses);
    }

    [SharedFact(Output + "output.swu")]
    public void The_bundle_without_sw_description_sig_is_unsigned()
    {
        var result = Corpus.Inspect(_format, Output + "output.swu")!;

        Assert.Empty(result.Signatures);
        Assert.Equal([SwupdateBundleFormat.UnsignedWeakness], result.Codes());
        Assert.True(result.Integrity!.Matches);
    }

    [SharedFact(Output + "signed_output.swu.enc")]
    public void The_signed_bundle_with_encrypted_images_is_signed_and_its_digests_cover_the_encrypted_bytes()
    {
        var result = Corpus.Inspect(_format, Output + "signed_output.swu.enc")!;

        Assert.Equal(SignatureStatus.SignedWithTestKey, Assert.Single(result.Signatures).Status);
        Assert.True(result.Integrity!.Matches);
        Assert.Contains(result.Facts, f => f.Value == "rootfs.ubifs.enc: sha256 matches, encrypted");
    }

    [SharedFact(Output + "output.swu.enc")]
    public void The_unsigned_bundle_with_encrypted_images_is_unsigned()
    {
        var result = Corpus.Inspect(_format, Output + "output.swu.enc")!;

        Assert.Empty(result.Signatures);
        Assert.Contains(SwupdateBundleFormat.UnsignedWeakness, result.Codes());
    }

    [SharedFact("corpus/rauc/test/openssl-ca/dev-ca.pem")]
    public void A_trust_anchor_that_did_not_sign_leaves_the_test_key_verdict()
    {
        var result = Corpus.Inspect(_format, Output + "signed_output.swu", Corpus.Anchors("corpus/rauc/test/openssl-ca/dev-ca.pem"))!;

        Assert.Equal(SignatureStatus.SignedWithTestKey, Assert.Single(result.Signatures).Status);
    }

    [SharedFact("corpus/swupdate/examples/description")]
    public void The_example_descriptions_are_read_and_each_lacks_sha256()
    {
        foreach (var name in new[] { "multi-copy", "single-copy", "sw-description-json", "sw-description-libconfig" })
        {
            var result = Corpus.Inspect(_format, "corpus/swupdate/examples/description/" + name)!;

            Assert.Null(result.Problem);
            Assert.Empty(result.Signatures);
            Assert.Equal([SwupdateBundleFormat.MissingSha256Weakness], result.Codes());
            Assert.Null(result.Integrity);
            Assert.DoesNotContain(result.Facts, f => f.Value.Contains("sha256 ", StringComparison.Ordinal) && !f.Value.EndsWith("no sha256", StringComparison.Ordinal));
        }
    }

    [SharedFact("corpus/swupdate/examples/description/multi-copy")]
    public void Images_of_every_selection_are_listed()
    {
        var result = Corpus.Inspect(_format, "corpus/swupdate/examples/description/multi-copy")!;

        Assert.Contains(result.Facts, f => f.Name == "software.stable.main.images[0]");
        Assert.Contains(result.Facts, f => f.Name == "software.stable.alt.images[0]");
        Assert.Equal("0.1", result.Version);
    }

    [SharedFact("corpus/swupdate/examples/description/sw-description-json")]
    public void The_JSON_description_gives_the_same_entries_as_the_libconfig_one()
    {
        var json = Corpus.Inspect(_format, "corpus/swupdate/examples/description/sw-description-json")!;
        var libconfig = Corpus.Inspect(_format, "corpus/swupdate/examples/description/sw-description-libconfig")!;

        Assert.Contains(json.Facts, f => f.Name == "sw-description syntax" && f.Value == "JSON");
        Assert.Equal(
            libconfig.Facts.Where(f => f.Name.StartsWith("software.", StringComparison.Ordinal)).Select(f => f.Value).Order(),
            json.Facts.Where(f => f.Name.StartsWith("software.", StringComparison.Ordinal)).Select(f => f.Value).Order());
    }

    [SharedFact("corpus/swupdate/examples/lua-xml/sw-description")]
    public void The_XML_description_is_recognised_by_name_and_reported_as_unreadable()
    {
        var result = Corpus.Inspect(_format, "corpus/swupdate/examples/lua-xml/sw-description")!;

        Assert.NotNull(result.Problem);
        Assert.Empty(result.Signatures);
    }
}
