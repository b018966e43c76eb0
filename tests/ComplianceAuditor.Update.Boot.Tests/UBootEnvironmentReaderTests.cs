using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Unpacking;
using ComplianceAuditor.Update.Boot.Environment;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>U-Boot environments, binary (single and redundant) and text, and what they say about boot counting.</summary>
public sealed class UBootEnvironmentReaderTests
{
    private static readonly string[] Recovering =
    [
        "bootcmd=run boot_a", "altbootcmd=run boot_b", "bootlimit=3", "bootcount=1", "upgrade_available=1", "bootdelay=0",
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_binary_environment_with_a_good_CRC_shows_its_boot_counting(bool redundant, bool bigEndian)
    {
        var env = UBootEnvironmentReader.Read(Binary(Recovering, 0x2000, redundant, bigEndian))!;

        Assert.Equal(redundant ? "binary (redundant)" : "binary", env.Source);
        Assert.True(env.CrcMatches);
        Assert.Equal(0x2000, env.Size);
        Assert.True(env.HasBootCounting);
        Assert.True(env.HasAltBootCmd);
        Assert.Equal(("1", "3", "run boot_b", "1", "0"), (env.BootCount, env.BootLimit, env.AltBootCmd, env.UpgradeAvailable, env.BootDelay));
    }

    [Fact]
    public void The_environment_is_found_at_a_common_size_inside_a_larger_flash_region()
    {
        var region = new byte[0x10000];
        Array.Fill(region, (byte)0xFF);
        Binary(["bootcmd=bootm", "bootdelay=3"], 0x4000, false, false).CopyTo(region, 0);

        var env = UBootEnvironmentReader.ReadBinary(region)!;

        Assert.Equal(0x4000, env.Size);
        Assert.False(env.HasBootCounting);
        Assert.False(env.HasAltBootCmd);
        Assert.Null(env.BootLimit);
    }

    [Fact]
    public void A_bad_CRC_is_reported_because_U_Boot_would_fall_back_to_its_default_environment()
    {
        var bytes = Binary(Recovering, 0x1000, false, false);
        bytes[0] ^= 0xFF;

        var env = UBootEnvironmentReader.Read(bytes)!;

        Assert.False(env.CrcMatches);
        Assert.Null(env.Size);
        Assert.Equal("3", env.BootLimit);
    }

    [Fact]
    public void Text_environments_are_read_and_other_text_is_not_an_environment()
    {
        var text = "# fw_printenv\nbootlimit=0\r\naltbootcmd=\nbootcmd=run a; run b\n\n";

        var env = UBootEnvironmentReader.Read(Encoding.ASCII.GetBytes(text))!;

        Assert.Equal("text", env.Source);
        Assert.Null(env.CrcMatches);
        Assert.Equal("run a; run b", env.Variables["bootcmd"]);
        Assert.False(env.HasBootCounting);
        Assert.False(env.HasAltBootCmd);

        Assert.Null(UBootEnvironmentReader.Read("hello world\nno variables here\n"u8));
        Assert.Null(UBootEnvironmentReader.Read([0, 1, 2, 3, 4, 5, 6, 7]));
        Assert.Null(UBootEnvironmentReader.Read(new byte[0x2000]));
    }

    [Fact]
    public void A_binary_environment_that_stops_mid_variable_names_the_defect()
    {
        var bytes = Binary(["bootlimit=5", "altbootcmd=reset"], 64, false, false);
        bytes.AsSpan(20).Fill((byte)'x');
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Crc32.Compute(bytes.AsSpan(4)));

        var env = UBootEnvironmentReader.Read(bytes)!;

        Assert.True(env.CrcMatches);
        Assert.NotNull(env.Problem);
        Assert.Equal("5", env.BootLimit);
    }

    /// <summary>An environment of <paramref name="size"/> bytes: CRC, optional flag byte, variables, zero padding.</summary>
    internal static byte[] Binary(string[] variables, int size, bool redundant, bool bigEndian)
    {
        var bytes = new byte[size];
        var header = redundant ? 5 : 4;
        if (redundant)
        {
            bytes[4] = 1;
        }

        var data = Encoding.ASCII.GetBytes(string.Concat(variables.Select(v => v + "\0")));
        data.CopyTo(bytes, header);
        var crc = Crc32.Compute(bytes.AsSpan(header));
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, crc);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, crc);
        }

        return bytes;
    }
}
