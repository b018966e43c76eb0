using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Inspection;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Hostile bytes: truncated images, lengths that lie, and deterministic random mutation of valid ones.</summary>
public sealed class EspRobustnessTests
{
    [Fact]
    public void Every_truncation_of_an_image_is_a_named_problem_once_the_header_is_whole()
    {
        var bytes = EspImageBuilder.App();
        var format = new EspImageFormat();
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = format.Inspect(Input(bytes[..length]));
            if (length < 24)
            {
                Assert.Null(result);
                continue;
            }

            Assert.NotNull(result);
            Assert.StartsWith("the ESP image is malformed: ", result.Problem, StringComparison.Ordinal);
            Assert.Empty(result.Signatures);
        }
    }

    [Fact]
    public void A_signature_block_cut_short_is_a_problem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(EspImageBuilder.App(), key);
        var cut = signed[..(signed.Length - EspSignatureBuilder.SectorSize + 600)];

        var result = Image(cut, key);

        Assert.Contains("cut short", result.Problem, StringComparison.Ordinal);
        Assert.Empty(result.Signatures);
    }

    [Theory]
    [InlineData(0xFFFF_FFF0u)]
    [InlineData(0x0100_0004u)]
    [InlineData(0x0000_0102u)]
    [InlineData(0x0000_1000u)]
    public void A_segment_length_that_lies_is_a_problem_not_an_exception(uint length)
    {
        var bytes = EspImageBuilder.App();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 4), length);

        var result = Image(bytes);

        Assert.NotNull(result.Problem);
        Assert.Null(result.Integrity);
    }

    [Fact]
    public void A_segment_count_beyond_the_segments_present_is_a_problem()
    {
        var bytes = EspImageBuilder.App();
        bytes[1] = 16;

        Assert.NotNull(Image(bytes).Problem);
    }

    [Fact]
    public void An_esp8266_segment_past_the_end_is_a_problem()
    {
        var bytes = EspImageBuilder.Esp8266();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 0x0008_0000);

        Assert.Contains("past the end", Image(bytes).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_mutations_of_signed_images_and_tables_never_throw()
    {
        using var rsa = RSA.Create(3072);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[][] samples =
        [
            EspSignatureBuilder.SignV2(EspImageBuilder.App(), rsa, ecdsa),
            EspSignatureBuilder.SignV1(EspImageBuilder.Bootloader(), ecdsa),
            EspImageBuilder.Esp8266(),
            EspPartitionTableBuilder.Table(md5: true, EspPartitionTableBuilder.OtaLayout),
        ];
        IUpdateFormat[] formats = [new EspImageFormat(), new EspPartitionTableFormat()];
        var random = new Random(6606);
        var anchors = Anchors(rsa);
        for (var i = 0; i < 300; i++)
        {
            var sample = samples[i % samples.Length];
            var bytes = Mutate(sample, random);
            foreach (var format in formats)
            {
                _ = format.Inspect(new UpdateInput(bytes, "mutated.bin", anchors));
            }

            _ = EspPartitionLayout.TryRead(bytes);
            _ = EspOtaData.TryRead(bytes);
        }
    }

    [Fact]
    public void Random_bytes_behind_each_magic_never_throw()
    {
        var random = new Random(6607);
        IUpdateFormat[] formats = [new EspImageFormat(), new EspPartitionTableFormat()];
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new byte[random.Next(1, 6000)];
            random.NextBytes(bytes);
            bytes[0] = i % 2 == 0 ? (byte)0xE9 : (byte)0xAA;
            if (bytes.Length > 1)
            {
                bytes[1] = i % 2 == 0 ? (byte)random.Next(1, 17) : (byte)0x50;
            }

            foreach (var format in formats)
            {
                _ = format.Inspect(Input(bytes));
            }
        }
    }

    /// <summary>Flips bytes (more often in the headers, where parsing decisions are made), overwrites a length, or truncates.</summary>
    private static byte[] Mutate(byte[] sample, Random random)
    {
        var bytes = (byte[])sample.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 5); n > 0; n--)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 64))] ^= (byte)random.Next(1, 256);
                }

                break;
            case 1:
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }

                break;
            case 2:
                var at = random.Next(Math.Max(1, bytes.Length - 4));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at, 4), (uint)random.NextInt64(0, uint.MaxValue + 1L));
                break;
            default:
                return bytes[..random.Next(bytes.Length)];
        }

        return bytes;
    }
}
