using System.Text.Json;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class KnownTestKeysTests
{
    /// <summary>
    /// Every published key in the corpus parses, our SPKI fingerprint equals the one the corpus recorded (RSA 1024 to
    /// 8192, EC P-192/224/256/384, Ed25519, X25519, in PKCS#1, PKCS#8, SEC1 and SPKI, PEM and DER), and the embedded
    /// catalogue knows the key with this very file among its origins.
    /// </summary>
    [SharedFact("corpus/known_test_keys.json")]
    public void Every_corpus_key_is_parsed_fingerprinted_like_the_corpus_and_found_in_the_catalogue()
    {
        var corpus = Path.Combine(RepositoryPaths.Shared, "corpus");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpus, "known_test_keys.json")));
        var failures = new List<string>();
        var count = 0;
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            count++;
            var file = entry.GetProperty("file").GetString()!;
            var expected = entry.GetProperty("spki_der_sha256").GetString()!;
            var items = KeyMaterialFinder.Find(File.ReadAllBytes(Path.Combine(corpus, file))).Items;
            var known = KnownTestKeys.Find(expected);
            if (!items.Any(item => item.SpkiSha256 == expected))
            {
                failures.Add($"{file}: computed {string.Join(", ", items.Select(i => i.SpkiSha256))}, corpus says {expected}");
            }
            else if (known is null || !known.Origins.Any(origin => file.EndsWith("/" + origin.Path, StringComparison.Ordinal)))
            {
                failures.Add($"{file}: not in the catalogue under {expected}");
            }
        }

        Assert.Equal(93, count);
        Assert.Empty(failures);
    }

    [Fact]
    public void Catalogue_entry_names_repository_commit_and_path()
    {
        // The SUIT draft's example key, printed in the IETF draft itself (both halves are in the corpus).
        var key = KnownTestKeys.Find("ADE2DAD611717E910E295DB3BA086FC40490B0DAACFC23AACE9348077B839B17");

        Assert.NotNull(key);
        Assert.Equal("EC-secp256r1", key.Type);
        var expected = new KnownTestKeyOrigin("suit-wg/manifest-spec", "3c9b790b8023ce045d5c6e7575219a026b4217e9", "examples/private_key.pem");
        Assert.Contains(expected, key.Origins);
        Assert.Equal(2, key.Origins.Count);
    }

    [Fact]
    public void Unknown_fingerprint_is_not_found()
    {
        Assert.Null(KnownTestKeys.Find(Fixture.ExpectedSpki["rsa2048-pkcs8.pem"]));
        Assert.Null(KnownTestKeys.Find(null));
        Assert.True(KnownTestKeys.All.Count >= 70);
    }
}
