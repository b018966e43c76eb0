using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Formats.Esp;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

public sealed class EspReaderTests
{
    private readonly EspFlashReader _flash = new();
    private readonly EspAppImageReader _app = new();

    [Fact]
    public void The_flash_image_yields_bootloader_table_and_partitions_as_laid_out()
    {
        var bytes = Fixtures.Bytes("esp/flash.bin");
        var match = Fixtures.Identify(_flash, bytes);
        Assert.Contains("partition table at 0x8000 (5 partitions, MD5 valid), bootloader at 0x1000", match!.Description, StringComparison.Ordinal);
        var warnings = new List<string>();

        var entries = Fixtures.Extract(_flash, bytes, warnings);

        Assert.Empty(warnings);
        var expected = Fixtures.Json("esp/flash.manifest.json").GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("path").GetString()), entries.Select(e => e.Entry.Path));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("offset").GetInt64(), entries[i].Entry.Offset);
            Assert.Equal(expected[i].GetProperty("size").GetInt64(), entries[i].Content!.Length);
            Assert.Equal(expected[i].GetProperty("sha256").GetString(), entries[i].Sha256);
            if (expected[i].TryGetProperty("description", out var description))
            {
                Assert.Equal(description.GetString(), entries[i].Entry.Description);
            }
        }
    }

    [Fact]
    public void The_app_images_in_the_partitions_parse_and_verify()
    {
        var entries = Fixtures.Extract(_flash, Fixtures.Bytes("esp/flash.bin")).ToDictionary(e => e.Entry.Path);
        foreach (var app in Fixtures.Json("esp/flash.manifest.json").GetProperty("apps").EnumerateArray())
        {
            var bytes = entries[app.GetProperty("partition").GetString()!].Content!;
            var source = UnpackSource.FromBytes("app", bytes);
            var image = EspAppImage.Parse(source);
            Assert.Equal(app.GetProperty("length").GetInt64(), image.TotalLength);
            Assert.Equal(app.GetProperty("segments").GetInt32(), image.SegmentCount);
            Assert.Equal(app.GetProperty("chip_id").GetInt32(), image.ChipId);
            Assert.Equal(app.GetProperty("hash_appended").GetBoolean(), image.HashAppended);
            Assert.Equal((true, (bool?)true), image.Verify(source));
            if (app.TryGetProperty("project", out var project))
            {
                Assert.Equal(project.GetString(), image.AppDescription!.ProjectName);
                Assert.Equal(app.GetProperty("version").GetString(), image.AppDescription.Version);
                Assert.Equal(app.GetProperty("secure_version").GetUInt32(), image.AppDescription.SecureVersion);
                Assert.Equal(app.GetProperty("idf_ver").GetString(), image.AppDescription.IdfVersion);
                var match = Fixtures.Identify(_app, bytes);
                Assert.Equal(image.TotalLength, match!.Length);
                Assert.Contains($"secure_version {image.AppDescription.SecureVersion}", match.Description, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(image.AppDescription);
            }
        }
    }

    [Fact]
    public void A_changed_segment_byte_breaks_checksum_and_hash_with_warnings()
    {
        var entries = Fixtures.Extract(_flash, Fixtures.Bytes("esp/flash.bin"));
        var bytes = entries.Single(e => e.Entry.Path == "partitions/ota_0.bin").Content!;
        bytes[0x400] ^= 0x01;
        var warnings = new List<string>();

        Assert.Empty(Fixtures.Extract(_app, bytes, warnings));

        Assert.Equal(2, warnings.Count);
        Assert.Contains("checksum byte", warnings[0], StringComparison.Ordinal);
        Assert.Contains("SHA-256", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Partitions_past_the_end_or_overlapping_are_skipped_with_warnings()
    {
        // Documented choice: a partition starting past the end, or overlapping one already given, is warned about
        // and skipped; one that starts inside but runs past the end is extracted up to the end, with a warning.
        var flash = Enumerable.Repeat((byte)0xFF, 0xB000).ToArray();
        var table = new List<byte>();
        void Add(string label, int offset, int size)
        {
            var entry = new byte[32];
            entry[0] = 0xAA;
            entry[1] = 0x50;
            entry[2] = 1;
            entry[3] = 0x81;
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), (uint)size);
            Encoding.ASCII.GetBytes(label).CopyTo(entry, 12);
            table.AddRange(entry);
        }

        Add("first", 0x9000, 0x1000);
        Add("overlap", 0x9000, 0x2000);
        Add("tail", 0xA000, 0x4000);
        Add("beyond", 0x100000, 0x1000);
        table.CopyTo(flash, 0x8000);
        var warnings = new List<string>();

        var entries = Fixtures.Extract(_flash, flash, warnings);

        Assert.Equal(["partition-table.bin", "partitions/first.bin", "partitions/tail.bin"], entries.Select(e => e.Entry.Path));
        Assert.Equal(0x1000, entries[2].Content!.Length);
        Assert.Contains(warnings, w => w.Contains("'overlap' at 0x9000 overlaps the partition 'first'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'tail' at 0xa000 (16384 bytes) runs past the end", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'beyond' at 0x100000 lies past the end", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("no plain bootloader", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_whose_MD5_does_not_match_is_warned_about()
    {
        var bytes = Fixtures.Bytes("esp/flash.bin");
        bytes[0x8000 + 12] = (byte)'N'; // first letter of the first label
        var warnings = new List<string>();

        Fixtures.Extract(_flash, bytes, warnings);

        Assert.Contains(warnings, w => w.Contains("MD5 entry", StringComparison.Ordinal));
    }

    [SharedFact("corpus/esptool/test/images/esp_idf_blink_esp32s2.bin")]
    public void The_esptool_blink_app_for_the_ESP32_S2_is_described_and_verifies()
    {
        var bytes = File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "images", "esp_idf_blink_esp32s2.bin"));
        var image = EspAppImage.Parse(UnpackSource.FromBytes("blink", bytes));
        Assert.Equal("ESP32-S2", image.ChipName);
        Assert.Equal(bytes.Length, image.TotalLength);
        Assert.Equal("blink", image.AppDescription!.ProjectName);
        Assert.Equal("qa-test-v5.0-20220830-4-g4532e6", image.AppDescription.Version);
        Assert.Equal(0u, image.AppDescription.SecureVersion);

        // Independent check of the appended hash: SHA-256 of everything before the last 32 bytes.
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);
        Assert.Equal((true, (bool?)true), image.Verify(UnpackSource.FromBytes("blink", bytes)));

        var match = Fixtures.Identify(_app, bytes);
        Assert.Contains("ESP32-S2", match!.Description, StringComparison.Ordinal);
        Assert.Contains("app 'blink'", match.Description, StringComparison.Ordinal);
        var warnings = new List<string>();
        Assert.Empty(Fixtures.Extract(_app, bytes, warnings));
        Assert.Empty(warnings);
    }

    [SharedFact("corpus/esptool/test/images/ram_helloworld/helloworld-esp32_edit.bin")]
    public void An_image_with_an_edited_hash_gets_a_warning()
    {
        var warnings = new List<string>();
        Fixtures.Extract(_app, File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "images", "ram_helloworld", "helloworld-esp32_edit.bin")), warnings);
        Assert.Contains(warnings, w => w.Contains("SHA-256", StringComparison.Ordinal));
    }

    [SharedFact("corpus/esptool/test/secure_images/bootloader_signed_v2_rsa.bin")]
    public void A_secure_boot_v2_signature_sector_is_counted_into_the_length()
    {
        var bytes = File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "secure_images", "bootloader_signed_v2_rsa.bin"));

        var image = EspAppImage.TryParse(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSignature.HeadBytes)), bytes.Length)!;

        Assert.Equal(0x8000, image.SignatureSectorOffset);
        Assert.Equal(bytes.Length, image.TotalLength);
    }

    [SharedFact("corpus/esptool/test/images/partitions_singleapp.bin")]
    public void The_esptool_single_app_partition_table_parses_but_is_no_flash_image()
    {
        var bytes = File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "images", "partitions_singleapp.bin"));

        var table = EspPartitionTable.TryParse(bytes, out _)!;

        Assert.Equal(["factory", "rfdata", "wifidata"], table.Partitions.Select(p => p.Label));
        Assert.Equal("app factory", table.Partitions[0].Describe());
        Assert.Equal(0x10000u, table.Partitions[0].Offset);
        Assert.Null(Fixtures.Identify(_flash, bytes));
    }

    [SharedFact("corpus/esptool/test/images")]
    public void Esptool_images_of_every_chip_are_identified_with_their_chip()
    {
        var folder = Fixtures.Corpus("esptool", "test", "images", "ram_helloworld");
        foreach (var (file, chip) in new[] { ("helloworld-esp32c3.bin", "ESP32-C3"), ("helloworld-esp32s3.bin", "ESP32-S3"), ("helloworld-esp32h2.bin", "ESP32-H2"), ("helloworld-esp32c6.bin", "ESP32-C6") })
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            var match = Fixtures.Identify(_app, bytes);
            Assert.Contains(chip + " ", match!.Description, StringComparison.Ordinal);
            Assert.Equal(bytes.Length, match.Length);
        }

        // ESP8266 images have no extended header; random data and encrypted bootloaders are not images.
        Assert.Null(Fixtures.Identify(_app, File.ReadAllBytes(Path.Combine(folder, "helloworld-esp8266.bin"))));
        Assert.Null(Fixtures.Identify(_app, File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "images", "one_kb.bin"))));
        Assert.Null(Fixtures.Identify(_app, File.ReadAllBytes(Fixtures.Corpus("esptool", "test", "secure_images", "bootloader-encrypted.bin"))));
    }
}
