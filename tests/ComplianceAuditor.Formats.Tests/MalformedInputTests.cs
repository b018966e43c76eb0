using ComplianceAuditor.Formats.Cpio;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Formats.Esp;
using ComplianceAuditor.Formats.HexRecords;
using ComplianceAuditor.Formats.UImage;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

/// <summary>
/// Damaged copies of every fixture (bytes overwritten, files cut short) must make a reader either succeed or throw
/// <see cref="UnpackException"/>; Identify must never throw. Anything else (IndexOutOfRange, overflow, a hang) is a bug.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "cpio", "cpio/newc.cpio" },
        { "cpio", "cpio/crc.cpio" },
        { "cpio", "cpio/odc.cpio" },
        { "cpio", "cpio/bin-be.cpio" },
        { "uimage", "uimage/multi.uimg" },
        { "fit", "fit/fit-external.itb" },
        { "fit", "fit/signed.itb" },
        { "fdt", "fit/board.dtb" },
        { "ihex", "hex/fw.hex" },
        { "srec", "hex/low.srec" },
        { "esp-idf-flash", "esp/flash.bin" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Damaged_fixtures_fail_only_with_UnpackException(string format, string file)
    {
        IFormatReader reader = format switch
        {
            "cpio" => new CpioReader(),
            "uimage" => new UImageReader(),
            "fit" => new FitReader(),
            "fdt" => new DeviceTreeReader(),
            "ihex" => new IntelHexReader(),
            "srec" => new SRecordReader(),
            _ => new EspFlashReader(),
        };
        var original = Fixtures.Bytes(file);
        var random = new Random(4242);
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            if (round % 3 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else
            {
                // Header regions are where the structure is; hit them more often than the payload.
                var limit = round % 3 == 1 ? Math.Min(bytes.Length, 0x9000) : bytes.Length;
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    bytes[random.Next(limit)] = (byte)random.Next(256);
                }
            }

            Fixtures.Identify(reader, bytes);
            try
            {
                Fixtures.Extract(reader, bytes, [], new UnpackLimits { MaxFileBytes = 64 << 20 });
            }
            catch (UnpackException)
            {
                // expected for some damage
            }
        }
    }

    [Fact]
    public void Identify_survives_every_prefix_of_every_fixture()
    {
        IFormatReader[] readers = [new CpioReader(), new UImageReader(), new FitReader(), new DeviceTreeReader(), new IntelHexReader(), new SRecordReader(), new EspFlashReader(), new EspAppImageReader()];
        foreach (var file in Directory.GetFiles(Fixtures.Directory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            for (var length = 0; length < Math.Min(bytes.Length, 600); length += 7)
            {
                foreach (var reader in readers)
                {
                    reader.Identify(bytes.AsSpan(0, length), length);
                }
            }
        }
    }
}
