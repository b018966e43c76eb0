using System.Security.Cryptography;
using System.Text.Json;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Tests.Shared;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>
/// Published test keys are also known by the digests update formats name a key with (MCUboot KEYHASH, ESP Secure
/// Boot v2 digest, AVB key hashes). The catalogue's digests are checked against the corpus, and two are recomputed
/// here from the key files the way MCUboot does, so the catalogue and our reading of the formats agree.
/// </summary>
public sealed class KnownTestKeyDigestTests
{
    private static readonly (string Field, string Form)[] Forms =
    [
        ("mcuboot_keyhash_sha256(PKCS1 DER)", KnownTestKeys.McubootKeyHash),
        ("mcuboot_keyhash_sha256(SPKI DER)", KnownTestKeys.McubootKeyHash),
        ("mcuboot_keyhash(SPKI DER)", KnownTestKeys.McubootKeyHash),
        ("esp_sbv2_key_digest_sha256", KnownTestKeys.EspSecureBootV2Digest),
        ("avb_pubkey_sha1", KnownTestKeys.AvbPublicKeySha1),
        ("avb_pubkey_sha256", KnownTestKeys.AvbPublicKeySha256),
    ];

    [SharedFact("corpus/known_test_keys.json")]
    public void Every_digest_the_corpus_records_leads_back_to_its_key()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", "known_test_keys.json")));
        var checkedDigests = 0;
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            var spki = entry.GetProperty("spki_der_sha256").GetString()!;
            foreach (var (field, form) in Forms)
            {
                if (entry.TryGetProperty(field, out var digest))
                {
                    checkedDigests++;
                    Assert.Equal(spki, KnownTestKeys.FindByDigest(form, digest.GetString()!.ToUpperInvariant())?.SpkiSha256);
                }
            }
        }

        Assert.True(checkedDigests > 150, $"only {checkedDigests} digests in the corpus");
    }

    [SharedFact("corpus/mcuboot/root-rsa-2048.pem")]
    public void An_mcuboot_keyhash_computed_from_the_key_file_is_recognised()
    {
        // MCUboot hashes RSA keys as PKCS#1 RSAPublicKey DER and EC keys as SubjectPublicKeyInfo DER.
        var rsa = PublicInfo("root-rsa-2048.pem");
        var ec = PublicInfo("root-ec-p256.pem");

        var rsaHash = Convert.ToHexStringLower(SHA256.HashData(rsa.ParsePublicKey().GetDerEncoded()));
        var ecHash = Convert.ToHexStringLower(SHA256.HashData(ec.GetDerEncoded()));

        Assert.NotNull(KnownTestKeys.FindByDigest(KnownTestKeys.McubootKeyHash, rsaHash));
        Assert.NotNull(KnownTestKeys.FindByDigest(KnownTestKeys.McubootKeyHash, ecHash));
        Assert.Null(KnownTestKeys.FindByDigest(KnownTestKeys.EspSecureBootV2Digest, rsaHash));
    }

    private static SubjectPublicKeyInfo PublicInfo(string name)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Shared, "corpus", "mcuboot", name));
        var key = new PemReader(reader).ReadObject() switch
        {
            AsymmetricCipherKeyPair pair => pair.Public,
            AsymmetricKeyParameter parameter => parameter,
            var other => throw new InvalidDataException($"{name}: {other?.GetType().Name}"),
        };
        return SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key);
    }
}
