using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Bundles.Rauc;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>The RAUC test bundles of the shared corpus, with and without the RAUC test development CA as keyring.</summary>
public sealed class RaucCorpusTests
{
    private const string Test = "corpus/rauc/test/";
    private const string Keyring = Test + "openssl-ca/dev-ca.pem";
    private readonly RaucBundleFormat _format = new();

    public static TheoryData<string> GoodBundles() =>
    [
        "good-bundle.raucb",
        "good-verity-bundle.raucb",
        "good-crypt-bundle-unencrypted.raucb",
        "good-casync-bundle-1.4.raucb",
        "good-casync-bundle-1.5.1.raucb",
        "good-casync-bundle-verity.raucb",
        "good-adaptive-meta-bundle.raucb",
    ];

    [SharedFact(Keyring)]
    public void Every_good_bundle_chains_to_the_development_CA_keyring_and_is_still_a_test_key_signature()
    {
        var anchors = Corpus.Anchors(Keyring);
        foreach (var name in GoodBundles())
        {
            var result = Corpus.Inspect(_format, Test + name, anchors)!;

            var signature = Assert.Single(result.Signatures);
            // The chain is verified up to the given keyring, but RAUC's development keys are published.
            Assert.True(signature.Status == SignatureStatus.SignedWithTestKey, $"{name}: {signature.Reason}");
            Assert.Contains("chains to the trusted certificate", signature.Reason, StringComparison.Ordinal);
            Assert.StartsWith("dev-ca.pem", signature.TrustedKey, StringComparison.Ordinal);
            Assert.NotNull(signature.TestKey);
            Assert.DoesNotContain(RaucBundleFormat.InvalidSignatureWeakness, result.Codes());
            Assert.NotEqual(false, result.Integrity?.Matches);
        }
    }

    [SharedFact(Test + "good-bundle.raucb")]
    public void Without_a_keyring_the_good_bundles_are_signed_with_RAUC_s_published_test_keys()
    {
        foreach (var name in GoodBundles())
        {
            var signature = Assert.Single(Corpus.Inspect(_format, Test + name)!.Signatures);

            Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
            Assert.Equal("rauc/rauc", signature.TestKey!.Origins[0].Repository);
        }
    }

    [SharedFact(Test + "good-bundle.raucb")]
    public void The_plain_bundle_is_flagged_plain_and_its_manifest_stays_in_the_squashfs()
    {
        var result = Corpus.Inspect(_format, Test + "good-bundle.raucb")!;

        Assert.Equal([RaucBundleFormat.PlainFormatWeakness], result.Codes());
        Assert.Null(result.Version);
        Assert.Contains(result.Facts, f => f.Name == "payload" && f.Value.Contains("squashfs", StringComparison.Ordinal));
        Assert.Equal("O=Test Org,CN=Test Org Release-1", result.Facts.Single(f => f.Name == "CMS signer").Value);
    }

    [SharedFact(Test + "good-verity-bundle.raucb")]
    public void The_verity_bundle_shows_its_manifest_and_its_root_hash_matches()
    {
        var result = Corpus.Inspect(_format, Test + "good-verity-bundle.raucb")!;

        Assert.Equal("2011.03-2", result.Version);
        Assert.True(result.Integrity!.Matches);
        Assert.Empty(result.Weaknesses);
        Assert.Contains(result.Facts, f => f.Name == "bundle format" && f.Value == "verity");
        Assert.Contains(result.Facts, f => f.Name == "compatible" && f.Value == "Test Config");
        Assert.Contains(result.Facts, f => f.Name == "image.appfs");
    }

    [SharedFact(Test + "good-crypt-bundle-unencrypted.raucb")]
    public void The_crypt_bundle_payload_is_not_squashfs_but_its_verity_hash_still_matches()
    {
        var result = Corpus.Inspect(_format, Test + "good-crypt-bundle-unencrypted.raucb")!;

        Assert.Contains(result.Facts, f => f.Name == "bundle format" && f.Value == "crypt");
        Assert.Contains(result.Facts, f => f.Name == "payload" && f.Value.Contains("not squashfs", StringComparison.Ordinal));
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("2022.03-2", result.Version);
    }

    [SharedFact(Test + "good-crypt-bundle-encrypted.raucb")]
    public void The_encrypted_crypt_bundle_has_a_signature_that_only_a_recipient_can_check()
    {
        var result = Corpus.Inspect(_format, Test + "good-crypt-bundle-encrypted.raucb", Corpus.Anchors(Keyring))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.NotVerifiable, signature.Status);
        Assert.Contains("EnvelopedData", signature.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Facts, f => f.Name == "CMS recipients");
    }

    [SharedFact(Test + "invalid-sig-bundle.raucb")]
    public void The_invalid_signature_bundle_fails_with_and_without_the_keyring()
    {
        foreach (var anchors in new[] { Update.Trust.TrustAnchors.Empty, Corpus.Anchors(Keyring) })
        {
            var result = Corpus.Inspect(_format, Test + "invalid-sig-bundle.raucb", anchors)!;

            Assert.Equal(SignatureStatus.Invalid, Assert.Single(result.Signatures).Status);
            Assert.Contains(RaucBundleFormat.InvalidSignatureWeakness, result.Codes());
        }
    }

    [SharedFact(Test + "good-verity-bundle.raucb")]
    public void A_flipped_payload_byte_in_the_verity_sample_breaks_the_root_hash_only()
    {
        var bytes = Corpus.Bytes(Test + "good-verity-bundle.raucb");
        bytes[100] ^= 1;

        var result = _format.Inspect(new(bytes, "b.raucb", Update.Trust.TrustAnchors.Empty))!;

        Assert.Equal(SignatureStatus.SignedWithTestKey, result.Signatures[0].Status);
        Assert.False(result.Integrity!.Matches);
    }

    [SharedFact("corpus/binwalk/tests/inputs/squashfs.bin")]
    public void A_bare_squashfs_sample_is_not_taken_for_a_bundle()
    {
        Assert.Null(Corpus.Inspect(_format, "corpus/binwalk/tests/inputs/squashfs.bin"));
    }
}
