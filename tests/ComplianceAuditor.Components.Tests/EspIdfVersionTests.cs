using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>The ESP-IDF framework's purl names the tag as written; its CPE names the release NVD lists.</summary>
public sealed class EspIdfVersionTests
{
    [Theory]
    [InlineData("v5.1.2", "pkg:github/espressif/esp-idf@v5.1.2", "cpe:2.3:a:espressif:esp-idf:5.1.2:*:*:*:*:*:*:*")]
    [InlineData("v5.1-beta1", "pkg:github/espressif/esp-idf@v5.1-beta1", "cpe:2.3:a:espressif:esp-idf:5.1-beta1:*:*:*:*:*:*:*")]
    [InlineData("v5.0-427-g4532e6e0b2", "pkg:github/espressif/esp-idf@v5.0-427-g4532e6e0b2", "cpe:2.3:a:espressif:esp-idf:5.0:*:*:*:*:*:*:*")]
    [InlineData("v4.4.6-dirty", "pkg:github/espressif/esp-idf@v4.4.6-dirty", "cpe:2.3:a:espressif:esp-idf:4.4.6:*:*:*:*:*:*:*")]
    // Commits after a pre-release tag are pre-release code: the CPE keeps the marker, as it does for the bare tag.
    [InlineData("v5.0-beta1-427-g4532e6e0b2-dirt", "pkg:github/espressif/esp-idf@v5.0-beta1-427-g4532e6e0b2-dirt", "cpe:2.3:a:espressif:esp-idf:5.0-beta1:*:*:*:*:*:*:*")]
    [InlineData("v5.2-dev-3006-g1a2b3c4d5e", "pkg:github/espressif/esp-idf@v5.2-dev-3006-g1a2b3c4d5e", "cpe:2.3:a:espressif:esp-idf:5.2-dev:*:*:*:*:*:*:*")]
    [InlineData("v5.1-rc2-12-g0123456789", "pkg:github/espressif/esp-idf@v5.1-rc2-12-g0123456789", "cpe:2.3:a:espressif:esp-idf:5.1-rc2:*:*:*:*:*:*:*")]
    public void The_purl_keeps_the_tag_and_the_cpe_takes_the_tag_a_git_describe_string_started_from(string idfVersion, string purl, string cpe)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("app.bin", Image("sensor", "1.2.0", idfVersion));

        var result = Fixture.Extract(path);

        var idf = Fixture.Single(result, "esp-idf");
        Assert.Equal(idfVersion, idf.Version);
        Assert.Equal(purl, idf.Purl);
        Assert.Equal(cpe, idf.Cpe);
        Assert.Equal([Fixture.Single(result, "sensor").Id], idf.ContainedIn);
    }

    /// <summary>
    /// The smallest application image the parser accepts: the 24-byte header (ESP32-S2, one segment, no appended
    /// hash), one segment holding the 256-byte <c>esp_app_desc_t</c>, and the checksum byte at the next 16-byte boundary.
    /// </summary>
    private static byte[] Image(string project, string version, string idfVersion)
    {
        var description = new byte[256];
        BinaryPrimitives.WriteUInt32LittleEndian(description, 0xABCD5432);
        Encoding.ASCII.GetBytes(version).CopyTo(description, 16);
        Encoding.ASCII.GetBytes(project).CopyTo(description, 48);
        Encoding.ASCII.GetBytes(idfVersion).CopyTo(description, 112);

        var header = new byte[24 + 8];
        header[0] = 0xE9;
        header[1] = 1;
        header[3] = 0x20;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0x40080000);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), 0x3F400020);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)description.Length);

        // Data ends at 288; the checksum sits at 288 | 15 = 303, so the image is 304 bytes.
        return [.. header, .. description, .. new byte[16]];
    }
}
