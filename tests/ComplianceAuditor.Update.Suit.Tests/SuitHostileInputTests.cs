using System.Security.Cryptography;
using static ComplianceAuditor.Update.Suit.Tests.SuitRawCbor;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>Untrusted bytes past the limits: deep, wide, lying about lengths or cut short give a problem, never an exception.</summary>
public sealed class SuitHostileInputTests
{
    [Fact]
    public void Arrays_nested_ten_thousand_deep_in_the_wrapper_are_a_depth_problem()
    {
        var bytes = Envelope(Nested(10_000), ValidManifest);

        var analysis = SuitTestInput.Envelope(bytes);

        Assert.Contains("nested deeper than 32 levels", analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.Empty(analysis.Inspection.Signatures);
        Assert.Equal(1ul, analysis.Inspection.Rollback?.Value);
    }

    [Fact]
    public void Arrays_nested_ten_thousand_deep_in_the_envelope_map_are_a_depth_problem()
    {
        byte[] bytes = [0xd8, 0x6b, 0xa1, 0x02, .. Nested(10_000)];

        var analysis = SuitTestInput.Envelope(bytes);

        Assert.Contains("nested deeper than 32 levels", analysis.Inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untagged_map_that_breaks_before_its_members_is_not_taken_for_an_envelope()
    {
        byte[] bytes = [0xa1, 0x02, .. Nested(10_000)];

        Assert.Null(SuitTestInput.Analyze(bytes));
    }

    [Fact]
    public void More_items_than_the_limit_are_a_problem_naming_it()
    {
        var wide = Encode(w =>
        {
            w.WriteStartArray(5000);
            for (var i = 0; i < 5000; i++)
            {
                w.WriteInt32(0);
            }

            w.WriteEndArray();
        });

        var analysis = SuitTestInput.Envelope(Envelope(wide, ValidManifest));

        Assert.Contains("more than 4096 CBOR items", analysis.Inspection.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d86ba2025bffffffffffffffff")]
    [InlineData("d86ba2025b000000010000000000")]
    [InlineData("d86ba202589b00")]
    [InlineData("d86bbbffffffffffffffff02")]
    [InlineData("d86ba2029bffffffffffffffff00")]
    [InlineData("d86ba20241809b7fffffffffffffff")]
    public void Lengths_past_the_end_of_the_file_are_a_problem(string hex)
    {
        var analysis = SuitTestInput.Envelope(Convert.FromHexString(hex));

        Assert.NotNull(analysis.Inspection.Problem);
    }

    [Fact]
    public void A_manifest_bstr_declaring_more_than_it_holds_is_a_problem_inside_a_whole_envelope()
    {
        // The manifest bstr holds a map that declares 200 entries but carries 2.
        var bytes = Envelope(DigestOnly(ValidManifest),
            Convert.FromHexString("b8c801010201"));

        var analysis = SuitTestInput.Envelope(bytes);

        Assert.StartsWith("the manifest", analysis.Inspection.Problem, StringComparison.Ordinal);
        Assert.Equal([SuitWeaknessCodes.NotSigned], SuitTestInput.Codes(analysis));
    }

    [Fact]
    public void Every_truncation_of_a_signed_envelope_is_a_problem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = new SuitEnvelopeBuilder { Signer = key }.Build();

        for (var length = 3; length < bytes.Length; length++)
        {
            var analysis = SuitTestInput.Analyze(bytes[..length], key.ExportSubjectPublicKeyInfo());
            Assert.NotNull(analysis);
            Assert.NotNull(analysis.Inspection.Problem);
        }

        Assert.Null(SuitTestInput.Analyze(bytes[..2]));
        Assert.Null(SuitTestInput.Analyze([]));
    }

    private static byte[] Nested(int depth) => [.. Enumerable.Repeat((byte)0x81, depth), 0x00];
}
