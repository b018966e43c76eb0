using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>
/// Every reader against damaged and random bytes: valid samples of each format are mutated deterministically (byte
/// flips, truncations, length fields overwritten) and all readers must answer without throwing.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>One valid sample per format, with the format that must recognise it.</summary>
    private static IEnumerable<(string Format, byte[] Bytes)> Samples()
    {
        // RSA-1536 has no published test key of its size, so damaged signatures do not walk the whole catalogue.
        using var rsa = RSA.Create(1536);
        var description = SwuBuilder.Description();
        yield return ("SWUpdate bundle", SwuBuilder.Build(description, SwuBuilder.SignPkcs1(rsa, description)));
        using var pki = CmsFixture.Create();
        yield return ("SWUpdate bundle", SwuBuilder.Build(description, pki.Sign(description, encapsulate: false)));
        yield return ("RAUC bundle", RaucBuilder.Plain(pki, RaucBuilder.Payload(2)));
        yield return ("RAUC bundle", RaucBuilder.Verity(pki, RaucBuilder.Payload(2)));
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        yield return ("Mender artifact", MenderBuilder.Build(MenderBuilder.Ecdsa(ec)));
        yield return ("Matter OTA image", MatterOtaBuilder.Build());
        var ed = new Ed25519PrivateKeyParameters(new SecureRandom());
        yield return ("OpenWrt sysupgrade image", SysupgradeBuilder.Signed(SysupgradeBuilder.WithMetadata(), ed, [1, 2, 3, 4, 5, 6, 7, 8]));
        yield return ("Mongoose OS firmware bundle", MongooseBuilder.Build());
    }

    [Fact]
    public void Each_sample_is_recognised_by_its_own_reader_only()
    {
        foreach (var (format, bytes) in Samples())
        {
            var recognised = BundleFormats.All.Where(f => Run(f, bytes) is not null).Select(f => f.Name).ToList();

            Assert.Equal([format], recognised);
        }
    }

    [Fact]
    public void Mutated_samples_never_make_a_reader_throw()
    {
        var random = new Random(20240611);
        var samples = Samples().ToList();
        for (var iteration = 0; iteration < 400; iteration++)
        {
            var (_, original) = samples[iteration % samples.Count];
            var bytes = Mutate(original, random);
            foreach (var format in BundleFormats.All)
            {
                var exception = Record.Exception(() => Run(format, bytes));
                Assert.True(exception is null, $"{format.Name}, iteration {iteration}: {exception}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(512)]
    [InlineData(70_000)]
    public void Random_bytes_behind_each_magic_are_rejected_or_reported_without_throwing(int length)
    {
        var random = new Random(length);
        byte[][] magics = ["070701"u8.ToArray(), "070702"u8.ToArray(), "hsqs"u8.ToArray(), [0x1E, 0xF1, 0xEE, 0x1B, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0x15], "PK\u0003\u0004"u8.ToArray(), "version\0"u8.ToArray(), []];
        foreach (var magic in magics)
        {
            var bytes = new byte[Math.Max(length, magic.Length)];
            random.NextBytes(bytes);
            magic.CopyTo(bytes, 0);
            foreach (var format in BundleFormats.All)
            {
                Assert.Null(Record.Exception(() => Run(format, bytes)));
                Assert.Null(Record.Exception(() => format.Inspect(new UpdateInput(bytes, "sw-description", TrustAnchors.Empty))));
            }
        }
    }

    private static UpdateInspection? Run(IUpdateFormat format, byte[] bytes) => format.Inspect(new UpdateInput(bytes, "image.bin", TrustAnchors.Empty));

    /// <summary>A flip of a few bytes, a truncation, an inserted run, or a 4- or 8-byte field overwritten with an extreme value.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], .. Enumerable.Repeat((byte)random.Next(256), random.Next(1, 64)), .. bytes[at..]];
            case 3:
                var field = random.Next(Math.Max(1, bytes.Length - 8));
                var value = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => 0x7F };
                bytes.AsSpan(field, Math.Min(random.Next(2) == 0 ? 4 : 8, bytes.Length - field)).Fill((byte)value);
                return bytes;
            default:
                // The trailing size fields (RAUC, fwtool) and the leading headers are where lengths live.
                var end = random.Next(2) == 0;
                var length = Math.Min(16, bytes.Length);
                random.NextBytes(end ? bytes.AsSpan(bytes.Length - length) : bytes.AsSpan(0, length));
                return bytes;
        }
    }
}
