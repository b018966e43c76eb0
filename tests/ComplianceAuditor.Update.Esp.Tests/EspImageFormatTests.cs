using System.Security.Cryptography;
using ComplianceAuditor.Update.Inspection;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Images built here: unsigned, their checksums, the application description and anti-rollback value.</summary>
public sealed class EspImageFormatTests
{
    [Fact]
    public void An_unsigned_application_shows_its_description_digest_and_secure_version()
    {
        var result = Image(EspImageBuilder.App(secureVersion: 3, version: "1.4.2"));

        Assert.Null(result.Problem);
        Assert.Equal("ESP-IDF image", result.Format);
        Assert.Empty(result.Signatures);
        Assert.Equal(AuthenticationSupport.Optional, result.Authentication);
        Assert.Equal("1.4.2", result.Version);
        Assert.True(result.RollbackSupported);
        Assert.Equal(3ul, result.Rollback!.Value);
        Assert.Equal("secure_version", result.Rollback.Name);
        Assert.Equal("esp_app_desc_t at 0x20, field at 0x24", result.Rollback.Location);
        Assert.Equal("SHA-256 + XOR checksum", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
        Assert.Equal("fixture-app", Fact(result, "project"));
        Assert.Equal("v5.3.1", Fact(result, "idf version"));
        Assert.Equal("ESP32-S2 (chip id 0x2)", Fact(result, "chip"));
        Assert.Equal("2", Fact(result, "segments"));
        Assert.Empty(result.Weaknesses);
    }

    [Fact]
    public void Secure_version_zero_is_a_value_and_a_weakness()
    {
        var result = Image(EspImageBuilder.App(secureVersion: 0));

        Assert.Equal(0ul, result.Rollback!.Value);
        Assert.Equal("esp-secure-version-zero", Assert.Single(result.Weaknesses).Code);
    }

    [Fact]
    public void A_lower_secure_version_is_visible_for_comparison_with_a_previous_release()
    {
        var previous = Image(EspImageBuilder.App(secureVersion: 5, version: "2.0.0"));
        var next = Image(EspImageBuilder.App(secureVersion: 4, version: "2.1.0"));

        Assert.Equal(5ul, previous.Rollback!.Value);
        Assert.Equal(4ul, next.Rollback!.Value);
        Assert.True(next.Rollback.Value < previous.Rollback.Value);
    }

    [Fact]
    public void A_bootloader_has_no_application_description_and_no_anti_rollback_field()
    {
        var result = Image(EspImageBuilder.Bootloader());

        Assert.Null(result.Problem);
        Assert.False(result.RollbackSupported);
        Assert.Null(result.Rollback);
        Assert.Null(result.Version);
        Assert.Empty(result.Signatures);
        Assert.Equal("ESP32 (chip id 0x0)", Fact(result, "chip"));
    }

    [Fact]
    public void A_changed_payload_byte_breaks_the_sha256_and_the_checksum()
    {
        var bytes = EspImageBuilder.App();
        bytes[EspImageBuilder.PayloadOffset] ^= 0x40;

        var result = Image(bytes);

        Assert.False(result.Integrity!.Matches);
        Assert.Equal("does not match the segment data", Fact(result, "checksum"));
        Assert.Equal("appended, does not match the image", Fact(result, "SHA-256"));
    }

    [Fact]
    public void Without_an_appended_hash_only_the_checksum_is_checked()
    {
        var result = Image(EspImageBuilder.App(hashAppended: false));

        Assert.Equal("XOR checksum", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
        Assert.Equal("not appended", Fact(result, "SHA-256"));
    }

    [Fact]
    public void An_esp8266_image_cannot_be_authenticated_and_has_no_rollback_field()
    {
        var result = Image(EspImageBuilder.Esp8266());

        Assert.Null(result.Problem);
        Assert.Equal("ESP8266", Fact(result, "chip"));
        Assert.Equal(AuthenticationSupport.None, result.Authentication);
        Assert.False(result.RollbackSupported);
        Assert.Empty(result.Signatures);
        Assert.Equal("XOR checksum", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_give_null()
    {
        var format = new EspImageFormat();

        Assert.Null(format.Inspect(Input([])));
        Assert.Null(format.Inspect(Input([0xE9])));
        Assert.Null(format.Inspect(Input(EspImageBuilder.Pattern(4096, 13))));
        Assert.Null(format.Inspect(Input([.. Enumerable.Repeat((byte)0xE9, 64)])));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Null(format.Inspect(Input(key.ExportSubjectPublicKeyInfo())));
    }
}
