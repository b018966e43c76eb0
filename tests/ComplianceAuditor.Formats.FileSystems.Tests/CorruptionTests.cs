using ComplianceAuditor.Formats.FileSystems.Cramfs;
using ComplianceAuditor.Formats.FileSystems.Jffs2;
using ComplianceAuditor.Formats.FileSystems.Romfs;
using ComplianceAuditor.Formats.FileSystems.Ubi;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>
/// Randomly corrupted copies of the fixtures (fixed seeds, so failures reproduce): whatever the damage, a reader
/// either reads the image or throws UnpackException; never another exception, never a hang.
/// </summary>
public sealed class CorruptionTests
{
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("CA_CORRUPTION_ROUNDS"), out var n) ? n : 150;

    public static TheoryData<string, string> Images => new()
    {
        { "cramfs", "cramfs-le.img" },
        { "cramfs", "cramfs-be.img" },
        { "jffs2", "jffs2-le.img" },
        { "jffs2", "jffs2-rtime.img" },
        { "romfs", "romfs.img" },
        { "ubi", "ubi.img.gz" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Corrupted_images_are_read_or_refused_with_an_unpack_exception(string format, string fixture)
    {
        var original = Fixtures.Bytes(fixture);
        IFormatReader reader = format switch
        {
            "cramfs" => new CramfsReader(),
            "jffs2" => new Jffs2Reader(),
            "romfs" => new RomfsReader(),
            _ => new UbiReader(),
        };
        using var scratch = new TempDirectory();
        for (var round = 0; round < Rounds; round++)
        {
            var random = new Random(round);
            var image = original.ToArray();

            // Damage concentrates where the metadata is (the first few KiB) but can land anywhere.
            var flips = random.Next(1, 9);
            for (var i = 0; i < flips; i++)
            {
                var limit = random.Next(2) == 0 ? Math.Min(image.Length, 4096) : image.Length;
                image[random.Next(limit)] = (byte)random.Next(256);
            }

            if (random.Next(8) == 0)
            {
                Array.Resize(ref image, random.Next(image.Length));
            }

            _ = reader.Identify(image.AsSpan(0, Math.Min(image.Length, FormatSignature.HeadBytes)), image.Length);
            try
            {
                ReadAll(reader, image, scratch.Path);
            }
            catch (UnpackException)
            {
                // Refusing a damaged image is the expected outcome for much of the damage.
            }
            catch (Exception ex)
            {
                Assert.Fail($"{fixture}, round {round}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }
    }

    private static void ReadAll(IFormatReader reader, byte[] image, string scratch)
    {
        var buffer = new byte[65536];
        foreach (var entry in reader.Read(UnpackSource.FromBytes("image", image), UnpackContext.ForTesting(scratch)))
        {
            if (entry.Open is null)
            {
                continue;
            }

            // A damaged size may claim gigabytes of holes; the driver caps that, here 16 MiB per file is enough.
            using var stream = entry.Open();
            long total = 0;
            int read;
            while (total < (16 << 20) && (read = stream.Read(buffer)) > 0)
            {
                total += read;
            }
        }
    }
}
