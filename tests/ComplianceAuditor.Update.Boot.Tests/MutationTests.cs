using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Boot.Environment;
using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>
/// Valid samples of every format damaged deterministically (fixed seeds): bytes flipped, words set to extreme
/// values, the file cut short. Every reader sees every damaged sample and must return, never throw.
/// </summary>
public sealed class MutationTests
{
    private const int Iterations = 300;


    public static TheoryData<string> Samples => ["fit-signed", "fit-external", "mkimage-fit", "control-dtb", "uimage", "vbmeta", "environment"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Damaged_samples_never_make_a_reader_throw(string sample)
    {
        var original = Sample(sample);
        var random = new Random(sample.Length * 7919);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(original, random);
            foreach (var format in BootFormats.All)
            {
                _ = Corpus.Inspect(format, bytes);
            }

            _ = UBootEnvironmentReader.Read(bytes);
            _ = FitRequiredKeys.Read(bytes);
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    // Half of the flips land in the first 256 bytes, where the headers and offsets are.
                    var at = random.Next(2) == 0 ? random.Next(Math.Min(256, bytes.Length)) : random.Next(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1:
                var word = random.Next(Math.Min(bytes.Length, 512) / 4) * 4;
                uint[] extremes = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFF4, (uint)bytes.Length, (uint)bytes.Length + 4];
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(word), extremes[random.Next(extremes.Length)]);
                return bytes;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            default:
                random.NextBytes(bytes.AsSpan(random.Next(bytes.Length / 2), Math.Min(32, bytes.Length / 2)));
                return bytes;
        }
    }

    private static byte[] Sample(string name)
    {
        using var key = RSA.Create(2048);
        switch (name)
        {
            case "fit-signed" or "fit-external":
                var fit = new FitBuilder { DefaultConfiguration = "conf-1", ExternalData = name == "fit-external" };
                fit.Images.Add(new FitImageSpec("kernel", new byte[700]) { Signer = key, Hashes = ["crc32", "sha256"], RollbackIndex = 2 });
                fit.Images.Add(new FitImageSpec("fdt", new byte[300]) { Type = "flat_dt" });
                fit.Configurations.Add(new FitConfigurationSpec("conf-1") { Images = { ["kernel"] = "kernel", ["fdt"] = "fdt" }, Signer = key });
                return fit.Build();
            case "mkimage-fit":
                return Corpus.Fixture("fit/signed.itb");
            case "control-dtb":
                return Corpus.Fixture("fit/u-boot-control.dtb");
            case "uimage":
                return UImageFormatTests.Build(new byte[600], 0);
            case "vbmeta":
                return VbmetaBuilder.Build(key);
            default:
                return UBootEnvironmentReaderTests.Binary(["bootlimit=3", "altbootcmd=run b", "bootcount=0"], 512, redundant: true, bigEndian: false);
        }
    }
}
