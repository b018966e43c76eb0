using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Firmware images read through the format parsers: uImage, MCUboot, ESP-IDF.</summary>
public sealed class ImageDetectorTests
{
    [Fact]
    public void A_linux_uimage_is_the_kernel_with_the_version_from_its_name_and_its_own_hash()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("kernel.uimage", UImage("EC-100 Linux-5.4.61", os: 5, type: 2, payload: new byte[200]));

        var result = Fixture.Extract(path);

        var linux = Fixture.Single(result, "linux");
        Assert.Equal("5.4.61", linux.Version);
        Assert.Equal("cpe:2.3:o:linux:linux_kernel:5.4.61:*:*:*:*:*:*:*", linux.Cpe);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), linux.Sha256);
        Assert.Contains("EC-100 Linux-5.4.61", linux.Occurrences[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blob_that_only_starts_with_a_uimage_is_not_taken_for_the_kernel()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("flash.bin", [.. UImage("Linux-5.4.61", os: 5, type: 2, payload: new byte[200]), .. new byte[64 * 1024]]);

        Assert.DoesNotContain(Fixture.Extract(path).Components, c => c.Name == "linux");
    }

    [Fact]
    public void An_mcuboot_image_is_named_by_its_file_and_versioned_by_its_header()
    {
        using var temp = new TempDirectory();
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x96f3b83d);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), 32);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), 32);
        header[0x14] = 2;
        header[0x15] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x16), 7);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x18), 42);
        var path = temp.Write("app.signed.bin", header);

        var result = Fixture.Extract(path);

        // The input and the MCUboot image are the same file, seen two ways: two components, the image inside the input.
        var input = Assert.Single(result.Components, c => c.Occurrences.Any(o => o.Detector == "input"));
        var image = Assert.Single(result.Components, c => c.Occurrences.Any(o => o.Detector == "mcuboot-header"));
        Assert.Equal(("app.signed.bin", "firmware", "2.1.7+42"), (image.Name, image.Type, image.Version));
        Assert.Equal(input.Sha256, image.Sha256);
        Assert.Equal([input.Id], image.ContainedIn);
    }

    [SharedFact("corpus/esptool/test/images/esp_idf_blink_esp32s2.bin")]
    public void An_esp_idf_application_names_its_project_and_the_framework_it_was_built_with()
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", "esptool", "test", "images", "esp_idf_blink_esp32s2.bin");

        var result = Fixture.Extract(path);

        var app = Fixture.Single(result, "blink");
        Assert.Equal(("firmware", "qa-test-v5.0-20220830-4-g4532e6"), (app.Type, app.Version));
        var idf = Fixture.Single(result, "esp-idf");
        Assert.Equal("framework", idf.Type);
        // idf_ver is git describe's "v5.0-beta1-427-g4532e6e0b2-dirty", cut to the field's 31 characters.
        Assert.Equal("v5.0-beta1-427-g4532e6e0b2-dirt", idf.Version);
        Assert.Equal("pkg:github/espressif/esp-idf@v5.0-beta1-427-g4532e6e0b2-dirt", idf.Purl);
        // Built from commits after the beta1 tag: beta code, so the CPE names the beta, not release 5.0.
        Assert.Equal("cpe:2.3:a:espressif:esp-idf:5.0-beta1:*:*:*:*:*:*:*", idf.Cpe);
        // The framework is part of the application, which is part of the input.
        Assert.Equal([app.Id], idf.ContainedIn);
        Assert.Equal(["firmware:esp_idf_blink_esp32s2.bin"], app.ContainedIn);
    }

    internal static byte[] UImage(string name, byte os, byte type, byte[] payload)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x27051956);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), (uint)payload.Length);
        header[28] = os;
        header[29] = 2;
        header[30] = type;
        Encoding.ASCII.GetBytes(name).CopyTo(header, 32);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), Crc32.Finish(Crc32.Update(Crc32.Start, header)));
        return [.. header, .. payload];
    }
}
