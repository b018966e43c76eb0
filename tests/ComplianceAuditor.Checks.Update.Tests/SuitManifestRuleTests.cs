using System.Security.Cryptography;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Update;
using ComplianceAuditor.Update.Suit.Tests;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2040 (RFC 9124 elements), CMP2041 (MAC-only authentication) and CMP2042 (plaintext payload URI) end to end on
/// SUIT envelopes built by the SUIT reader's own fixture builder, signed with a fresh ES256 key.
/// </summary>
public sealed class SuitManifestRuleTests
{
    private static readonly string[] Rules = ["CMP2040", "CMP2041", "CMP2042"];

    private static async Task<IReadOnlyList<CheckResult>> AuditAsync(SuitEnvelopeBuilder builder) =>
        await RuleAudit.FileAsync("update.suit", builder.Build(), Rules);

    [Fact]
    public async Task A_signed_manifest_with_every_element_and_an_https_uri_passes_all_three()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var results = await AuditAsync(new SuitEnvelopeBuilder { Signer = key });

        Assert.All(Rules, id => Assert.Equal(Outcome.Pass, RuleAudit.OnTarget(results, id).Outcome));
        Assert.Contains("'suit-no-vendor-condition'", RuleAudit.OnTarget(results, "CMP2040").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, true, "no condition-vendor-identifier is checked")]
    [InlineData(true, false, true, "no condition-class-identifier is checked")]
    [InlineData(true, true, false, "no image-digest parameter is set")]
    public async Task A_manifest_missing_a_required_element_fails_CMP2040_naming_it(bool vendor, bool deviceClass, bool digest, string expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var results = await AuditAsync(new SuitEnvelopeBuilder { Signer = key, VendorCondition = vendor, ClassCondition = deviceClass, ImageDigest = digest });

        var result = RuleAudit.OnTarget(results, "CMP2040");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Contains("format: SUIT envelope", Assert.Single(result.Evidence).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_without_image_size_or_with_another_manifest_version_fails_CMP2040()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var noSize = RuleAudit.OnTarget(await AuditAsync(new SuitEnvelopeBuilder { Signer = key, ImageSize = false }), "CMP2040");
        var version2 = RuleAudit.OnTarget(await AuditAsync(new SuitEnvelopeBuilder { Signer = key, ManifestVersion = 2 }), "CMP2040");

        Assert.Equal(Outcome.Fail, noSize.Outcome);
        Assert.Contains("no image-size parameter", noSize.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, version2.Outcome);
        Assert.Contains("the manifest version is 2", version2.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_authenticated_only_by_a_MAC_fails_CMP2041_and_one_also_signed_passes()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var macOnly = RuleAudit.OnTarget(await AuditAsync(new SuitEnvelopeBuilder { Mac = true }), "CMP2041");
        var both = RuleAudit.OnTarget(await AuditAsync(new SuitEnvelopeBuilder { Mac = true, Signer = key }), "CMP2041");

        Assert.Equal(Outcome.Fail, macOnly.Outcome);
        Assert.Contains("authenticated only by 1 MAC block", macOnly.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, both.Outcome);
    }

    [Fact]
    public async Task An_unsigned_manifest_is_not_MAC_only_so_CMP2041_passes_and_CMP2032_is_where_it_fails()
    {
        // CMP2041 asks only whether a MAC stands in for a signature; a manifest with neither is the unsigned rule's case.
        var results = await RuleAudit.FileAsync("update.suit", new SuitEnvelopeBuilder().Build(), ["CMP2041", "CMP2032"]);

        Assert.Equal(Outcome.Pass, RuleAudit.OnTarget(results, "CMP2041").Outcome);
        Assert.Equal(Outcome.Fail, RuleAudit.OnTarget(results, "CMP2032").Outcome);
    }

    [Theory]
    [InlineData("http://updates.example.com/fw.bin", Outcome.Fail)]
    [InlineData("coap://[2001:db8::1]/fw.bin", Outcome.Fail)]
    [InlineData("https://updates.example.com/fw.bin", Outcome.Pass)]
    [InlineData("coaps://[2001:db8::1]/fw.bin", Outcome.Pass)]
    [InlineData(null, Outcome.Pass)]
    public async Task CMP2042_fails_only_for_a_payload_uri_without_transport_security(string? uri, Outcome expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = RuleAudit.OnTarget(await AuditAsync(new SuitEnvelopeBuilder { Signer = key, Uri = uri }), "CMP2042");

        Assert.Equal(expected, result.Outcome);
        if (expected == Outcome.Fail)
        {
            Assert.Contains(uri!, result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Other_update_formats_are_not_applicable_to_the_SUIT_rules()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var results = await RuleAudit.FileAsync("app.signed.bin", McubootImageBuilder.Build(new byte[1024], key, 1), Rules);

        Assert.All(Rules, id =>
        {
            var result = RuleAudit.OnTarget(results, id);
            Assert.Equal(Outcome.NotApplicable, result.Outcome);
            Assert.Contains("the MCUboot image format cannot show", result.Reason, StringComparison.Ordinal);
        });
    }
}
