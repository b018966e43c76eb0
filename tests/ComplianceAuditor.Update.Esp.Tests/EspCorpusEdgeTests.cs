using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>The esptool samples that are not ESP-IDF images: ESP8266 firmware, encrypted images, blobs, a partition table.</summary>
public sealed class EspCorpusEdgeTests
{
    private const string Images = "corpus/esptool/test/images/";
    private const string Secure = "corpus/esptool/test/secure_images/";

    [SharedFact(Images + "bootloader_esp8266.bin")]
    public void Esp8266_images_are_unsigned_and_cannot_be_authenticated()
    {
        foreach (var path in new[] { "bootloader_esp8266.bin", "esp8266_deepsleep.bin", "ram_helloworld/helloworld-esp8266.bin", "not_4_byte_aligned.bin" })
        {
            var result = Image(Corpus(Images + path));

            Assert.Null(result.Problem);
            Assert.Equal("ESP8266", Fact(result, "chip"));
            Assert.Empty(result.Signatures);
            Assert.Equal(AuthenticationSupport.None, result.Authentication);
            Assert.True(result.Integrity!.Matches, path);
        }
    }

    [SharedFact(Secure + "bootloader-encrypted.bin")]
    public void Encrypted_images_and_other_blobs_are_not_recognised()
    {
        string[] paths =
        [
            Secure + "bootloader-encrypted.bin", Secure + "bootloader-encrypted-aes-xts.bin", Secure + "bootloader-encrypted-conf0.bin",
            Secure + "bootloader-encrypted-conf3.bin", Secure + "bootloader-encrypted-conf9.bin", Secure + "bootloader-encrypted-confc.bin",
            Secure + "hello-world-signed-encrypted.bin", Secure + "hello-world-signed-encrypted-aes-xts.bin",
            Secure + "hello-world-signed-encrypted-aes-xts-256.bin", Secure + "bootloader_digested.bin",
            Images + "one_kb.bin", Images + "one_kb_all_ef.bin", Images + "fifty_kb.bin", Images + "one_mb.bin", Images + "onebyte.bin",
            Images + "zerolength.bin", Images + "sector.bin", Images + "aes_key.bin",
        ];
        foreach (var path in paths)
        {
            var input = Input(Corpus(path));
            Assert.Null(new EspImageFormat().Inspect(input));
            Assert.Null(new EspPartitionTableFormat().Inspect(input));
        }
    }

    [SharedFact(Images + "partitions_singleapp.bin")]
    public void The_single_app_partition_table_has_no_ota_and_is_no_update_image()
    {
        var bytes = Corpus(Images + "partitions_singleapp.bin");
        var result = new EspPartitionTableFormat().Inspect(Input(bytes));
        var layout = EspPartitionLayout.TryRead(bytes);

        Assert.NotNull(result);
        Assert.Null(result.Problem);
        Assert.Empty(result.Signatures);
        Assert.Equal(AuthenticationSupport.NotAnImage, result.Authentication);
        Assert.False(result.RollbackSupported);
        Assert.Equal("esp-single-app-slot", Assert.Single(result.Weaknesses).Code);
        Assert.Equal("factory (app factory) at 0x10000, 1048576 bytes", Fact(result, "app partitions"));
        Assert.NotNull(layout);
        Assert.True(layout.HasFactory);
        Assert.False(layout.HasAbSlots);
        Assert.False(layout.HasOtaData);
        Assert.Null(new EspImageFormat().Inspect(Input(bytes)));
    }
}
