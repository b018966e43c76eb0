using System.Security.Cryptography;
using ComplianceAuditor.Update.Inspection;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>Envelopes built here, signed with fresh keys: the verdicts on signatures, digest and sequence number.</summary>
public sealed class SuitEnvelopeFormatTests
{
    [Fact]
    public void An_envelope_signed_with_a_trusted_key_verifies_and_reads_its_sequence_number()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { Signer = key, SequenceNumber = 42 }.Build();

        var analysis = SuitTestInput.Envelope(bytes, key.ExportSubjectPublicKeyInfo());
        var inspection = analysis.Inspection;

        Assert.Equal("SUIT envelope", inspection.Format);
        Assert.Equal(inspection.Format, new SuitEnvelopeFormat().Name);
        Assert.Null(inspection.Problem);
        var signature = Assert.Single(inspection.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("ES256", signature.Algorithm);
        Assert.Equal(new IntegrityFinding("SHA-256", true, "the manifest, bstr-wrapped"), inspection.Integrity);
        Assert.Equal(42ul, inspection.Rollback?.Value);
        Assert.Equal("manifest sequence number", inspection.Rollback?.Name);
        Assert.Empty(inspection.Weaknesses);
        Assert.Empty(analysis.Conformance.MissingRequirements);
    }

    [Fact]
    public void Without_the_signer_s_key_the_signature_is_by_an_unknown_key_named_by_its_kid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { Signer = key, KeyId = "release-2024"u8.ToArray() }.Build();

        var signature = Assert.Single(SuitTestInput.Envelope(bytes).Inspection.Signatures);

        Assert.Equal(SignatureStatus.UnknownKey, signature.Status);
        Assert.Equal("release-2024", signature.KeyId);
    }

    [Fact]
    public void With_another_trusted_key_the_signature_verifies_with_none_of_them()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { Signer = key }.Build();

        var signature = Assert.Single(SuitTestInput.Envelope(bytes, other.ExportSubjectPublicKeyInfo()).Inspection.Signatures);

        Assert.Equal(SignatureStatus.UnknownKey, signature.Status);
        Assert.Contains("verifies with none of the 1 trusted key(s)", signature.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_changed_after_signing_fails_its_digest_and_invalidates_the_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { Signer = key, SequenceNumber = 3, TamperedSequenceNumber = 9 }.Build();

        var inspection = SuitTestInput.Envelope(bytes, key.ExportSubjectPublicKeyInfo()).Inspection;

        Assert.False(inspection.Integrity?.Matches);
        var signature = Assert.Single(inspection.Signatures);
        Assert.Equal(SignatureStatus.Invalid, signature.Status);
        Assert.Null(signature.TrustedKey);
        Assert.Equal(9ul, inspection.Rollback?.Value);
    }

    [Fact]
    public void Each_signer_of_a_cose_sign_block_is_judged_on_its_own()
    {
        using var trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var unknown = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { MultiSigners = [trusted, unknown] }.Build();

        var analysis = SuitTestInput.Envelope(bytes, trusted.ExportSubjectPublicKeyInfo());

        Assert.Equal([SignatureStatus.VerifiedTrusted, SignatureStatus.UnknownKey], analysis.Inspection.Signatures.Select(s => s.Status));
        Assert.Equal(1, analysis.Manifest.SignatureBlocks);
    }

    [Fact]
    public void An_ed25519_signature_verifies_with_its_trusted_key()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        byte[] Sign(byte[] data)
        {
            var signer = new Ed25519Signer();
            signer.Init(true, pair.Private);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        }

        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo((Ed25519PublicKeyParameters)pair.Public).GetDerEncoded();
        var bytes = new SuitEnvelopeBuilder { CustomSigner = (-19, Sign) }.Build();

        var signature = Assert.Single(SuitTestInput.Envelope(bytes, spki).Inspection.Signatures);

        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("Ed25519", signature.Algorithm);
    }

    [Fact]
    public void A_signature_algorithm_not_verified_here_is_named_and_not_verifiable()
    {
        var bytes = new SuitEnvelopeBuilder { CustomSigner = (-46, data => new byte[64]) }.Build();

        var signature = Assert.Single(SuitTestInput.Envelope(bytes).Inspection.Signatures);

        Assert.Equal(SignatureStatus.NotVerifiable, signature.Status);
        Assert.Equal("HSS-LMS", signature.Algorithm);
    }

    [Fact]
    public void A_digest_without_any_block_is_unsigned()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder().Build());

        Assert.Empty(analysis.Inspection.Signatures);
        Assert.True(analysis.Inspection.Integrity?.Matches);
        Assert.Equal([SuitWeaknessCodes.NotSigned], SuitTestInput.Codes(analysis));
        Assert.False(analysis.Conformance.Find(SuitConformance.Signature)?.Present);
        Assert.Equal("digest only", analysis.Conformance.Find(SuitConformance.Signature)?.Value);
    }

    [Fact]
    public void A_mac_alone_cannot_be_verified_and_is_a_weakness()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { Mac = true }.Build());

        var mac = Assert.Single(analysis.Inspection.Signatures);
        Assert.Equal(SignatureStatus.NotVerifiable, mac.Status);
        Assert.Equal("HMAC 256/256", mac.Algorithm);
        Assert.Contains("shared-secret MAC", mac.Reason, StringComparison.Ordinal);
        Assert.Equal([SuitWeaknessCodes.MacOnly], SuitTestInput.Codes(analysis));
    }

    [Fact]
    public void A_mac_beside_a_signature_is_not_the_mac_only_weakness()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { Signer = key, Mac = true }.Build());

        Assert.Equal([SignatureStatus.UnknownKey, SignatureStatus.NotVerifiable], analysis.Inspection.Signatures.Select(s => s.Status));
        Assert.Empty(analysis.Inspection.Weaknesses);
    }

    [Fact]
    public void An_untagged_envelope_with_both_members_is_read_too()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { Tagged = false, SequenceNumber = 5 }.Build());

        Assert.False(analysis.Manifest.Tagged);
        Assert.Equal(5ul, analysis.Inspection.Rollback?.Value);
        Assert.Contains(new InspectionFact("envelope", $"untagged map, {analysis.Manifest.EnvelopeBytes} bytes"), analysis.Inspection.Facts);
    }

    [Theory]
    [InlineData(0ul)]
    [InlineData(7ul)]
    [InlineData(ulong.MaxValue)]
    public void The_sequence_number_is_the_rollback_value(ulong sequence)
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { SequenceNumber = sequence }.Build());

        Assert.Equal(new RollbackValue("manifest sequence number", sequence, "manifest key 2 (suit-manifest-sequence-number)"), analysis.Inspection.Rollback);
        Assert.True(analysis.Inspection.RollbackSupported);
        Assert.Equal(sequence, analysis.Manifest.SequenceNumber);
    }

    [Fact]
    public void A_manifest_without_sequence_number_has_no_rollback_value_and_says_so()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { SequenceNumber = null }.Build());

        Assert.Null(analysis.Inspection.Rollback);
        Assert.Contains(SuitWeaknessCodes.NoSequenceNumber, SuitTestInput.Codes(analysis));
        Assert.True(analysis.Conformance.Find(SuitConformance.SequenceNumber)?.IsMissingRequirement);
    }

    [Fact]
    public void A_manifest_version_other_than_1_is_a_weakness()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { ManifestVersion = 2 }.Build());

        Assert.Contains(SuitWeaknessCodes.ManifestVersion, SuitTestInput.Codes(analysis));
        Assert.Equal("2", analysis.Conformance.Find(SuitConformance.ManifestVersion)?.Value);
    }
}
