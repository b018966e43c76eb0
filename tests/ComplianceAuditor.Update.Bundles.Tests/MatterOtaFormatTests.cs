using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Bundles.Matter;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Matter OTA image files: digest-only containers with a software version.</summary>
public sealed class MatterOtaFormatTests
{
    private readonly MatterOtaFormat _format = new();

    [Fact]
    public void A_well_formed_file_has_a_matching_digest_a_version_and_no_way_to_authenticate()
    {
        var result = Inspect.With(_format, MatterOtaBuilder.Build(softwareVersion: 0x0102_0003))!;

        Assert.Equal(AuthenticationSupport.None, result.Authentication);
        Assert.Empty(result.Signatures);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("SHA-256", result.Integrity.Kind);
        Assert.Equal(0x0102_0003UL, result.Rollback!.Value);
        Assert.Equal("software version", result.Rollback.Name);
        Assert.Equal("1.2.3", result.Version);
        Assert.Equal([MatterOtaFormat.DigestOnlyWeakness], result.Codes());
        Assert.Contains(result.Facts, f => f.Name == "vendor ID" && f.Value == "0xFFF1");
        Assert.Null(result.Problem);
    }

    [Fact]
    public void A_later_release_with_a_lower_software_version_shows_the_lower_value()
    {
        var earlier = Inspect.With(_format, MatterOtaBuilder.Build(softwareVersion: 5))!;
        var later = Inspect.With(_format, MatterOtaBuilder.Build(softwareVersion: 4))!;

        Assert.True(later.Rollback!.Value < earlier.Rollback!.Value);
        Assert.Equal(earlier.Rollback.Name, later.Rollback.Name);
    }

    [Fact]
    public void A_payload_that_does_not_match_the_digest_fails_integrity()
    {
        var payload = (byte[])MatterOtaBuilder.Payload.Clone();
        payload[3] ^= 1;

        var result = Inspect.With(_format, MatterOtaBuilder.Build(digest: System.Security.Cryptography.SHA256.HashData(MatterOtaBuilder.Payload), payload: payload))!;

        Assert.False(result.Integrity!.Matches);
    }

    [Fact]
    public void A_truncated_digest_type_compares_the_leading_bytes()
    {
        var digest = System.Security.Cryptography.SHA256.HashData(MatterOtaBuilder.Payload)[..16];

        var result = Inspect.With(_format, MatterOtaBuilder.Build(digest: digest, digestType: 2))!;

        Assert.Equal("SHA-256-128", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
    }

    [Fact]
    public void A_truncated_file_is_a_problem()
    {
        var bytes = MatterOtaBuilder.Build();

        var result = Inspect.With(_format, bytes[..^100])!;

        Assert.NotNull(result.Problem);
        Assert.False(result.Integrity!.Matches);
    }

    [Fact]
    public void A_header_size_past_the_end_is_a_problem()
    {
        var bytes = MatterOtaBuilder.Build();
        BitConverter.GetBytes(0xFFFF_FFF0u).CopyTo(bytes, 12);

        Assert.Contains("header size", Inspect.With(_format, bytes)!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_TLV_is_refused()
    {
        byte[] tlv = [0x15, .. Enumerable.Repeat((byte)0x35, 50).SelectMany(b => new byte[] { b, 1 }), .. Enumerable.Repeat((byte)0x18, 51)];
        byte[] bytes = [0x1E, 0xF1, 0xEE, 0x1B, .. BitConverter.GetBytes((ulong)(16 + tlv.Length)), .. BitConverter.GetBytes(tlv.Length), .. tlv];

        Assert.Contains("deeply", Inspect.With(_format, bytes)!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_magic_alone_is_not_enough()
    {
        Assert.Null(Inspect.With(_format, [0x1E, 0xF1, 0xEE, 0x1B, .. new byte[40]]));
    }

    [SharedFact("corpus/binwalk/tests/inputs/matter_ota.bin")]
    public void The_binwalk_sample_is_digest_only_and_its_digest_matches()
    {
        var result = Corpus.Inspect(_format, "corpus/binwalk/tests/inputs/matter_ota.bin")!;

        Assert.Equal(AuthenticationSupport.None, result.Authentication);
        Assert.Empty(result.Signatures);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal([MatterOtaFormat.DigestOnlyWeakness], result.Codes());
        Assert.Equal("1.2.120.0", result.Version);
        Assert.Contains(result.Facts, f => f.Name == "vendor ID" && f.Value == "0x1234");
        Assert.Contains(result.Facts, f => f.Name == "product ID" && f.Value == "0x1234");
        Assert.NotNull(result.Rollback);
        Assert.Null(result.Problem);
    }
}
