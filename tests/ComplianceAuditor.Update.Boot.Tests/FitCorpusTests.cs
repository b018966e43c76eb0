using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>The libfdtxx signed FITs (mkimage 2020.07) and plain DTBs of the shared corpus.</summary>
public sealed class FitCorpusTests
{
    private readonly FitImageFormat _format = new();

    [SharedFact("corpus/libfdtxx/test/verify.fit")]
    public void Every_signature_of_the_libfdtxx_FITs_verifies_with_their_keys_which_are_published_test_keys()
    {
        var anchors = Corpus.Anchors("libfdtxx/test/rsa2048_pub.der", "libfdtxx/test/rsa4096_pub.der");
        foreach (var file in new[] { "verify.fit", "verify-offset.fit", "verify-position.fit" })
        {
            var inspection = Corpus.Inspect(_format, Corpus.Bytes("libfdtxx/test/" + file), anchors)!;

            Assert.Null(inspection.Problem);

            // verify.its: 4 signatures on each of test-1 and the three AES images, 4 on each of the 3 configurations.
            Assert.Equal(28, inspection.Signatures.Count);
            Assert.All(inspection.Signatures, s =>
            {
                Assert.Equal(SignatureStatus.SignedWithTestKey, s.Status);
                Assert.NotNull(s.TrustedKey);
                Assert.Equal("apexrtos/libfdtxx", s.TestKey!.Origins[0].Repository);
            });
            Assert.Equal(["rsa2048", "rsa4096"], inspection.Signatures.Select(s => s.KeyId).Distinct().Order());
            Assert.True(inspection.Integrity!.Matches);
            Assert.Equal(2, inspection.DistinctSigners);
        }
    }

    [SharedFact("corpus/libfdtxx/test/verify.fit")]
    public void The_libfdtxx_FIT_shows_its_images_configurations_and_coverage()
    {
        var inspection = Corpus.Inspect(_format, Corpus.Bytes("libfdtxx/test/verify.fit"))!;
        var facts = inspection.Facts.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal("5: test-1, test-2, test-aes128, test-aes192, test-aes256", facts["images"]);
        Assert.Equal("3: config-1, config-2, config-3", facts["configurations"]);
        Assert.Equal("none", facts["default configuration"]);
        Assert.Equal("sha1,rsa2048, sha1,rsa4096, sha256,rsa2048, sha256,rsa4096", facts["signature algorithms"]);
        Assert.Equal("rsa2048, rsa4096", facts["key-name-hints"]);
        Assert.False(inspection.RollbackSupported);
        Assert.Null(inspection.Rollback);

        // test-2 has no signature of its own but config-2 signs it; every configuration is signed; sha256 is everywhere.
        Assert.Empty(inspection.Weaknesses);
        Assert.Equal(5, inspection.Parts.Count);
        Assert.Empty(inspection.Parts[1].Signatures);
        Assert.Equal("sha256", inspection.Parts[1].Integrity!.Kind);
        Assert.Equal("crc32 + md5 + sha1 + sha256", inspection.Parts[0].Integrity!.Kind);
        Assert.Contains(inspection.Parts[2].Facts, f => f.Name == "cipher" && f.Value.StartsWith("aes128", StringComparison.Ordinal));
    }

    [SharedFact("corpus/libfdtxx/test/verify.fit")]
    public void Without_trust_anchors_the_catalogue_still_recognises_the_libfdtxx_test_keys()
    {
        var inspection = Corpus.Inspect(_format, Corpus.Bytes("libfdtxx/test/verify.fit"))!;

        Assert.All(inspection.Signatures, s => Assert.Equal(SignatureStatus.SignedWithTestKey, s.Status));
        Assert.All(inspection.Signatures, s => Assert.Null(s.TrustedKey));
    }

    [SharedFact("corpus/libfdtxx/test/verify.fit")]
    public void A_changed_configuration_property_breaks_the_signatures_of_that_configuration_only()
    {
        var bytes = Corpus.Bytes("libfdtxx/test/verify.fit");
        var anchors = Corpus.Anchors("libfdtxx/test/rsa2048_pub.der", "libfdtxx/test/rsa4096_pub.der");

        // config-1's description "Sign One Image" becomes "Sign One Imagf": covered by config-1's signatures alone.
        var at = IndexOf(bytes, "Sign One Image"u8) + 13;
        bytes[at]++;
        var inspection = Corpus.Inspect(_format, bytes, anchors)!;

        // A FIT does not carry its key, so a signature no key at hand verifies is by an unknown key.
        var broken = inspection.Signatures.Where(s => !s.IsValid).ToList();
        Assert.Equal(4, broken.Count);
        Assert.All(broken, s => Assert.Equal(SignatureStatus.UnknownKey, s.Status));
        Assert.All(broken, s => Assert.StartsWith("/configurations/config-1/", s.Reason, StringComparison.Ordinal));
    }

    [SharedFact("corpus/libfdtxx/test/basic.dtb")]
    public void Plain_device_trees_are_not_FIT_images()
    {
        foreach (var file in new[] { "basic.dtb", "path.dtb", "properties.dtb" })
        {
            Assert.Null(Corpus.Inspect(_format, Corpus.Bytes("libfdtxx/test/" + file)));
        }
    }

    [SharedFact("corpus/FACT_core/src/plugins/analysis/device_tree/test/data/broken.dtb")]
    public void The_FACT_core_device_trees_are_read_without_an_exception_and_none_is_a_boot_format()
    {
        var folder = Path.Combine(RepositoryPaths.Shared, "corpus", "FACT_core", "src", "plugins", "analysis", "device_tree", "test", "data");
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);

            // Plain DTBs, a broken one, a DTB inside other data and random bytes: none is any of the boot formats.
            Assert.All(BootFormats.All, f => Assert.Null(Corpus.Inspect(f, bytes)));
        }
    }

    internal static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
