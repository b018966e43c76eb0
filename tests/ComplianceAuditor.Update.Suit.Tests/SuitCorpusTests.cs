using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>The SUIT samples of the shared corpus give what corpus/SOURCES.md says an auditor should find in them.</summary>
public sealed class SuitCorpusTests
{
    private const string Examples = "corpus/suit-manifest-spec/examples";
    private const string Encryption = "corpus/suit-firmware-encryption/examples";

    /// <summary>SPKI SHA-256 of the P-256 key printed in draft-ietf-suit-manifest (examples/private_key.pem).</summary>
    private const string DraftKey = "ade2dad611717e910e295db3ba086fc40490b0daacfc23aace9348077b839b17";

    [SharedFact(Examples + "/private_key.pem")]
    public void The_catalogue_holds_the_public_half_of_the_draft_s_example_key()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Corpus(Examples + "/private_key.pem")));
        var spki = key.ExportSubjectPublicKeyInfo();

        Assert.Equal(DraftKey, Convert.ToHexStringLower(SHA256.HashData(spki)));
        Assert.Contains(KnownTestKeys.PublicKeys, k => k.Spki.AsSpan().SequenceEqual(spki));
    }

    [SharedFact(Examples)]
    public void Signed_examples_are_signed_with_the_published_key_and_carry_their_index_as_sequence_number()
    {
        var files = new[] { "example0.signed", "example1.signed", "example2.signed-severed", "example2.signed-with-severable", "example3.signed", "example4.signed", "example5.signed" };
        foreach (var name in files)
        {
            var inspection = Inspect(Examples + "/" + name + ".cbor");

            Assert.Null(inspection.Problem);
            var signature = Assert.Single(inspection.Signatures);
            Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
            Assert.Equal("ES256", signature.Algorithm);
            Assert.Equal(DraftKey, signature.TestKey?.SpkiSha256);
            Assert.True(inspection.Integrity?.Matches);
            Assert.Equal((ulong)(name[7] - '0'), inspection.Rollback?.Value);
            Assert.DoesNotContain(inspection.Weaknesses, w => w.Code is SuitWeaknessCodes.NotSigned or SuitWeaknessCodes.NoSequenceNumber);
        }
    }

    [SharedFact(Examples)]
    public void Unsigned_examples_hold_only_the_digest()
    {
        for (var index = 0; index <= 5; index++)
        {
            var inspection = Inspect($"{Examples}/example{index}.unsigned.cbor");

            Assert.Null(inspection.Problem);
            Assert.Empty(inspection.Signatures);
            Assert.True(inspection.Integrity?.Matches);
            Assert.Equal((ulong)index, inspection.Rollback?.Value);
            Assert.Contains(inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.NotSigned);
        }
    }

    [SharedFact(Examples + "/example0.signed.cbor")]
    public void Given_the_draft_key_as_trust_anchor_the_signature_is_still_a_test_key_signature()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Corpus(Examples + "/private_key.pem")));

        var analysis = SuitTestInput.Envelope(File.ReadAllBytes(Corpus(Examples + "/example0.signed.cbor")), key.ExportSubjectPublicKeyInfo());

        var signature = Assert.Single(analysis.Inspection.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
        Assert.Equal("device-key-0.pem", signature.TrustedKey);
        Assert.Empty(analysis.Conformance.MissingRequirements);
    }

    [SharedFact(Examples + "/example2.signed-with-severable.cbor")]
    public void Example_2_checks_its_severable_members_and_finds_their_plaintext_uri()
    {
        var withSeverable = SuitTestInput.Envelope(File.ReadAllBytes(Corpus(Examples + "/example2.signed-with-severable.cbor")));
        var severed = SuitTestInput.Envelope(File.ReadAllBytes(Corpus(Examples + "/example2.signed-severed.cbor")));

        Assert.Contains("install (severable, matches its digest)", withSeverable.Manifest.Sequences);
        Assert.Contains("text (severable, matches its digest)", withSeverable.Manifest.Sequences);
        Assert.Equal(["http://example.com/very/long/path/to/file/file.bin"], withSeverable.Manifest.Commands.Uris);
        Assert.Contains(withSeverable.Inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.PlaintextUri);
        Assert.Contains("install (severed: the manifest holds only its digest)", severed.Manifest.Sequences);
        Assert.Empty(severed.Manifest.Commands.Uris);
        Assert.Equal("https://git.io/JJYoj", severed.Manifest.ReferenceUri);
        Assert.Equal(209, severed.Manifest.ManifestBytes);
    }

    [SharedFact(Examples + "/example2.signed-with-severable.cbor")]
    public void A_changed_severable_member_fails_its_digest_but_leaves_the_manifest_signature_valid()
    {
        var bytes = File.ReadAllBytes(Corpus(Examples + "/example2.signed-with-severable.cbor"));
        Assert.Equal((byte)'.', bytes[^1]);
        bytes[^1] = (byte)'!';

        var analysis = SuitTestInput.Envelope(bytes);

        Assert.False(analysis.Inspection.Integrity?.Matches);
        Assert.Contains("text (severable, does NOT match its digest)", analysis.Manifest.Sequences);
        Assert.Contains(analysis.Inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.SeverableMismatch);
        Assert.Equal(SignatureStatus.SignedWithTestKey, Assert.Single(analysis.Inspection.Signatures).Status);
    }

    [SharedFact(Encryption)]
    public void Aes_kw_examples_are_authenticated_by_an_hmac_only()
    {
        foreach (var name in new[] { "suit-manifest-aes-kw", "suit-manifest-aes-kw-content", "suit-manifest-aes-kw-slot" })
        {
            var inspection = Inspect($"{Encryption}/{name}.signed.cbor");

            var mac = Assert.Single(inspection.Signatures);
            Assert.Equal(SignatureStatus.NotVerifiable, mac.Status);
            Assert.Equal("HMAC 256/256", mac.Algorithm);
            Assert.Contains(inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.MacOnly);
            Assert.DoesNotContain(inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.NotSigned);
            Assert.True(inspection.Integrity?.Matches);
        }
    }

    [SharedFact(Encryption + "/suit-manifest-es-ecdh-content.signed.cbor")]
    public void The_es_ecdh_content_example_is_signed_esp256_with_the_draft_key()
    {
        var signature = Assert.Single(Inspect(Encryption + "/suit-manifest-es-ecdh-content.signed.cbor").Signatures);

        Assert.Equal("ESP256", signature.Algorithm);
        Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
        Assert.Equal(DraftKey, signature.TestKey?.SpkiSha256);
    }

    [SharedFact(Encryption + "/suit-manifest-es-ecdh-dependency.signed.cbor")]
    public void The_es_ecdh_dependency_example_carries_its_dependency_as_an_integrated_envelope()
    {
        var analysis = SuitTestInput.Envelope(File.ReadAllBytes(Corpus(Encryption + "/suit-manifest-es-ecdh-dependency.signed.cbor")));

        // The outer ESP256 signature verifies with no catalogued key (the draft key included), so its signer is unknown;
        // the integrated dependency manifest is signed with the draft key.
        var outer = Assert.Single(analysis.Inspection.Signatures);
        Assert.Equal("ESP256", outer.Algorithm);
        Assert.Equal(SignatureStatus.UnknownKey, outer.Status);
        Assert.True(analysis.Inspection.Integrity?.Matches);
        Assert.Equal(["#dependency-manifest"], analysis.Manifest.IntegratedPayloads);
        var dependency = Assert.Single(analysis.Inspection.Parts);
        Assert.Equal("SUIT envelope", dependency.Format);
        Assert.Equal(SignatureStatus.SignedWithTestKey, Assert.Single(dependency.Signatures).Status);
    }

    private static UpdateInspection Inspect(string path) =>
        new SuitEnvelopeFormat().Inspect(new UpdateInput(File.ReadAllBytes(Corpus(path)), Path.GetFileName(path), Update.Trust.TrustAnchors.Empty))
        ?? throw new InvalidOperationException(path + " was not taken for a SUIT envelope");

    private static string Corpus(string path) => Path.Combine(RepositoryPaths.Shared, path);
}
