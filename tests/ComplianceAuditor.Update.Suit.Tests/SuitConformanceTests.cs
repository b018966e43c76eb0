using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>The per-element table and the weaknesses for missing required elements.</summary>
public sealed class SuitConformanceTests
{
    [Fact]
    public void A_complete_manifest_has_every_required_row_present_in_a_fixed_order()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder().Build());

        Assert.Equal(
            [
                SuitConformance.AuthenticationWrapper, SuitConformance.Signature, SuitConformance.DigestAlgorithm, SuitConformance.ManifestVersion,
                SuitConformance.SequenceNumber, SuitConformance.VendorCondition, SuitConformance.ClassCondition, SuitConformance.ImageMatchCondition,
                SuitConformance.ImageDigest, SuitConformance.ImageSize, SuitConformance.SecureUris, SuitConformance.ComponentCount,
                SuitConformance.VersionCondition, SuitConformance.ManifestSize,
            ],
            analysis.Conformance.Rows.Select(r => r.Element));
        Assert.Equal([SuitConformance.Signature], analysis.Conformance.MissingRequirements.Select(r => r.Element));
        var vendor = analysis.Conformance.Find(SuitConformance.VendorCondition)!;
        Assert.Equal(SuitRequirement.Required, vendor.Requirement);
        Assert.Equal("checked: fa6b4a53-d5ad-5fdf-be9d-e663e4d41ffe", vendor.Value);
        Assert.StartsWith("RFC 9124 §3.3", vendor.Reference, StringComparison.Ordinal);
        Assert.Equal("1", analysis.Conformance.Find(SuitConformance.ComponentCount)?.Value);
        Assert.Equal("SHA-256 (matches the manifest)", analysis.Conformance.Find(SuitConformance.DigestAlgorithm)?.Value);
    }

    [Fact]
    public void Missing_vendor_and_class_conditions_are_weaknesses_and_missing_rows()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { VendorCondition = false, ClassCondition = false }.Build());

        Assert.Contains(SuitWeaknessCodes.NoVendorCondition, SuitTestInput.Codes(analysis));
        Assert.Contains(SuitWeaknessCodes.NoClassCondition, SuitTestInput.Codes(analysis));
        Assert.False(analysis.Conformance.Find(SuitConformance.VendorCondition)?.Present);
        Assert.Equal("not checked: fa6b4a53-d5ad-5fdf-be9d-e663e4d41ffe", analysis.Conformance.Find(SuitConformance.VendorCondition)?.Value);
        Assert.Contains(new InspectionFact("class id condition", "no"), analysis.Inspection.Facts);
    }

    [Fact]
    public void Missing_image_digest_and_size_are_weaknesses()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { ImageDigest = false, ImageSize = false }.Build());

        Assert.Contains(SuitWeaknessCodes.NoImageDigest, SuitTestInput.Codes(analysis));
        Assert.Contains(SuitWeaknessCodes.NoImageSize, SuitTestInput.Codes(analysis));
        Assert.True(analysis.Conformance.Find(SuitConformance.ImageDigest)?.IsMissingRequirement);
    }

    [Theory]
    [InlineData("http://updates.example.com/fw.bin")]
    [InlineData("coap://[2001:db8::1]/fw")]
    public void A_plaintext_payload_uri_is_a_weakness(string uri)
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { Uri = uri }.Build());

        var weakness = Assert.Single(analysis.Inspection.Weaknesses, w => w.Code == SuitWeaknessCodes.PlaintextUri);
        Assert.Contains(uri, weakness.Description, StringComparison.Ordinal);
        Assert.False(analysis.Conformance.Find(SuitConformance.SecureUris)?.Present);
        Assert.Equal([uri], analysis.Manifest.Commands.Uris);
    }

    [Theory]
    [InlineData("https://updates.example.com/fw.bin")]
    [InlineData("coaps://updates.example.com/fw")]
    public void A_protected_payload_uri_is_no_weakness(string uri)
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder { Uri = uri }.Build());

        Assert.DoesNotContain(SuitWeaknessCodes.PlaintextUri, SuitTestInput.Codes(analysis));
        Assert.True(analysis.Conformance.Find(SuitConformance.SecureUris)?.Present);
    }

    [Fact]
    public void The_manifest_size_is_a_typed_value_a_fact_and_a_row()
    {
        var builder = new SuitEnvelopeBuilder();
        var manifestLength = builder.Manifest(1).Length;

        var analysis = SuitTestInput.Envelope(builder.Build());

        Assert.Equal(manifestLength, analysis.Manifest.ManifestBytes);
        Assert.Contains(new InspectionFact("manifest size", $"{manifestLength} bytes"), analysis.Inspection.Facts);
        Assert.Equal($"{manifestLength} bytes", analysis.Conformance.Find(SuitConformance.ManifestSize)?.Value);
    }

    [Fact]
    public void The_facts_name_the_command_sequences_and_the_parameters()
    {
        var analysis = SuitTestInput.Envelope(new SuitEnvelopeBuilder().Build());
        var facts = analysis.Inspection.Facts;

        Assert.Contains(new InspectionFact("command sequences", "validate, invoke, install"), facts);
        Assert.Contains(new InspectionFact("components", "1: [00]"), facts);
        Assert.Contains(new InspectionFact("image size", "34768 bytes"), facts);
        Assert.Contains(new InspectionFact("vendor id condition", "yes"), facts);
        Assert.Contains(new InspectionFact("payload URI", "https://updates.example.com/firmware.bin"), facts);
        Assert.True(analysis.Manifest.Commands.HasImageMatchCondition);
    }
}
