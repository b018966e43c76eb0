using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;
using ComplianceAuditor.Update.Boot.Legacy;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>Legacy uImages: CRC-checked, never authenticated.</summary>
public sealed class UImageFormatTests
{
    private readonly UImageFormat _format = new();

    [SharedFact("corpus/ninjastorms/uImage")]
    public void The_ninjastorms_kernel_is_an_unauthenticated_ARM_Linux_uImage_with_a_good_CRC()
    {
        var inspection = Corpus.Inspect(_format, Corpus.Bytes("ninjastorms/uImage"))!;
        var facts = inspection.Facts.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal(AuthenticationSupport.None, inspection.Authentication);
        Assert.Empty(inspection.Signatures);
        Assert.False(inspection.RollbackSupported);
        Assert.Equal(new IntegrityFinding("CRC32", true, inspection.Integrity!.Covers), inspection.Integrity);
        Assert.Equal("uimage-unauthenticated", Assert.Single(inspection.Weaknesses).Code);
        Assert.Equal(("linux", "arm", "kernel", "none"), (facts["os"], facts["arch"], facts["type"], facts["compression"]));
        Assert.Equal("76616", facts["data size"]);
        Assert.Null(inspection.Problem);
    }

    [Fact]
    public void A_bad_data_CRC_is_a_mismatch_and_a_short_file_a_problem()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("kernel code ", 100)));
        var good = Build(data, Crc32.Compute(data));
        var bad = Build(data, Crc32.Compute(data) ^ 1);

        Assert.True(Corpus.Inspect(_format, good)!.Integrity!.Matches);
        Assert.False(Corpus.Inspect(_format, bad)!.Integrity!.Matches);
        Assert.Equal("0x80008000", Corpus.Inspect(_format, good)!.Facts.Single(f => f.Name == "load address").Value);

        var cut = Corpus.Inspect(_format, good[..500])!;
        Assert.NotNull(cut.Problem);
        Assert.Null(cut.Integrity!.Matches);
        Assert.Equal("uimage-unauthenticated", Assert.Single(cut.Weaknesses).Code);
    }

    [Fact]
    public void A_header_whose_own_CRC_is_wrong_is_not_a_uImage()
    {
        var bytes = Build([1, 2, 3], 0);
        bytes[40] ^= 0x20;

        Assert.Null(Corpus.Inspect(_format, bytes));
        Assert.Null(Corpus.Inspect(_format, new byte[10]));
    }

    /// <summary>A uImage: ARM Linux kernel, uncompressed, load and entry 0x80008000, with the data CRC given.</summary>
    internal static byte[] Build(byte[] data, uint dataCrc)
    {
        var bytes = new byte[64 + data.Length];
        var h = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(h, 0x27051956);
        BinaryPrimitives.WriteUInt32BigEndian(h[8..], 1_700_000_000);
        BinaryPrimitives.WriteUInt32BigEndian(h[12..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(h[16..], 0x80008000);
        BinaryPrimitives.WriteUInt32BigEndian(h[20..], 0x80008000);
        BinaryPrimitives.WriteUInt32BigEndian(h[24..], dataCrc);
        (h[28], h[29], h[30], h[31]) = (5, 2, 2, 0);
        Encoding.ASCII.GetBytes("test kernel").CopyTo(h[32..]);
        BinaryPrimitives.WriteUInt32BigEndian(h[4..], Crc32.Compute(h[..64]));
        data.CopyTo(bytes, 64);
        return bytes;
    }
}
