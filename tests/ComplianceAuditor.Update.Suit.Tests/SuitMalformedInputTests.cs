using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using static ComplianceAuditor.Update.Suit.Tests.SuitRawCbor;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>Malformed envelopes: wrong tags, wrong types, repeated keys, too many signatures, and mutations of valid ones.</summary>
public sealed class SuitMalformedInputTests
{
    [Theory]
    [InlineData("d28443a10126a0f64100")]
    [InlineData("d86b820203")]
    [InlineData("d86c a20241800341a0")]
    [InlineData("a0")]
    [InlineData("a10341a0")]
    [InlineData("00112233")]
    public void Other_tags_and_maps_without_both_members_are_not_envelopes(string hex)
    {
        Assert.Null(SuitTestInput.Analyze(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(19, "tag 19, not COSE_Sign1")]
    [InlineData(-1, "not a tagged COSE structure")]
    public void An_authentication_block_that_is_no_cose_structure_is_a_problem_naming_it(int tag, string expected)
    {
        var block = Encode(w =>
        {
            if (tag >= 0)
            {
                w.WriteTag((CborTag)tag);
            }

            w.WriteStartArray(4);
            w.WriteByteString([0xa0]);
            w.WriteStartMap(0);
            w.WriteEndMap();
            w.WriteNull();
            w.WriteByteString(new byte[64]);
            w.WriteEndArray();
        });
        var wrapper = Encode(w =>
        {
            w.WriteStartArray(2);
            w.WriteByteString(SuitEnvelopeBuilder.Digest(ValidManifest));
            w.WriteByteString(block);
            w.WriteEndArray();
        });

        var analysis = SuitTestInput.Envelope(Envelope(wrapper, ValidManifest));

        Assert.Contains("authentication block 1", analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.Contains(expected, analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(SuitWeaknessCodes.NotSigned, SuitTestInput.Codes(analysis));
    }

    [Fact]
    public void A_negative_sequence_number_is_a_problem_not_a_value()
    {
        var manifest = Convert.FromHexString("a201010220");
        var wrapper = DigestOnly(manifest);

        var analysis = SuitTestInput.Envelope(Envelope(wrapper, manifest));

        Assert.Contains("the sequence number (key 2) is an integer, not a uint", analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.Null(analysis.Inspection.Rollback);
    }

    [Fact]
    public void A_repeated_map_key_is_a_problem_since_readers_may_disagree_on_which_counts()
    {
        // The manifest says sequence number 1, then 9.
        var manifest = Convert.FromHexString("a3010102010209");
        var wrapper = DigestOnly(manifest);

        var analysis = SuitTestInput.Envelope(Envelope(wrapper, manifest));

        Assert.StartsWith("the manifest", analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.Null(analysis.Inspection.Rollback);
    }

    [Fact]
    public void At_most_sixteen_signatures_per_file_are_verified()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digest = SuitEnvelopeBuilder.Digest(ValidManifest);
        var block = CoseSign1Message.SignDetached(digest, new CoseSigner(key, HashAlgorithmName.SHA256));
        var wrapper = Encode(w =>
        {
            w.WriteStartArray(41);
            w.WriteByteString(digest);
            for (var i = 0; i < 40; i++)
            {
                w.WriteByteString(block);
            }

            w.WriteEndArray();
        });

        var analysis = SuitTestInput.Envelope(Envelope(wrapper, ValidManifest), key.ExportSubjectPublicKeyInfo());

        Assert.Equal(16, analysis.Inspection.Signatures.Count);
        Assert.All(analysis.Inspection.Signatures, s => Assert.Equal(SignatureStatus.VerifiedTrusted, s.Status));
        Assert.Contains("more than 16 signatures in one file", analysis.Inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_envelopes_never_throw()
    {
        // Most samples carry blocks that need no public-key work (an unverified algorithm, a MAC), so that a few
        // hundred mutations run in a second; every eighth is ES256-signed and goes through the whole key search.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = new SuitEnvelopeBuilder { Signer = key, Mac = true }.Build();
        var cheap = new SuitEnvelopeBuilder { CustomSigner = (-46, _ => new byte[64]), Mac = true, Uri = "http://example.com/fw" }.Build();
        var random = new Random(107);
        for (var i = 0; i < 400; i++)
        {
            var bytes = (byte[])(i % 8 == 0 ? signed : cheap).Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var length = i % 3 == 0 ? random.Next(1, bytes.Length + 1) : bytes.Length;
            _ = SuitTestInput.Analyze(bytes[..length], key.ExportSubjectPublicKeyInfo());
        }
    }

    [Fact]
    public void Random_bytes_behind_the_envelope_tag_never_throw()
    {
        var random = new Random(1070);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(3, 600)];
            random.NextBytes(bytes);
            bytes[0] = 0xd8;
            bytes[1] = 0x6b;
            bytes[2] = (byte)(0xa0 | random.Next(0, 6));
            _ = SuitTestInput.Analyze(bytes);
        }
    }
}
