using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Tests;

/// <summary>The one Kconfig reader, used by the build readers here and by the update-configuration readers.</summary>
public sealed class KconfigSymbolsTests
{
    [Fact]
    public void Values_quotes_escapes_comments_and_not_set_lines_are_read()
    {
        var symbols = KconfigSymbols.Read("""
            CONFIG_A=y
            # CONFIG_B is not set
            CONFIG_S="x \"q\" \\ y" trailing
            CONFIG_N=4 # level
            CONFIG_BAD-NAME=y
            OTHER_X=y
            """, "CONFIG_");

        Assert.Equal(["CONFIG_A", "CONFIG_B", "CONFIG_S", "CONFIG_N"], symbols.All.Select(s => s.Name));
        Assert.True(symbols.Get("CONFIG_B")!.Disabled);
        Assert.Equal("x \"q\" \\ y", symbols.Get("CONFIG_S")!.Value);
        Assert.Equal("4", symbols.Get("CONFIG_N")!.Value);
        Assert.Equal("# CONFIG_B is not set", symbols.Get("CONFIG_B")!.Written);
    }

    [Fact]
    public void Find_looks_a_name_up_under_every_prefix_and_the_latest_line_wins()
    {
        var symbols = KconfigSymbols.Read("SB_CONFIG_X=y\nCONFIG_Y=m\nCONFIG_X=n\n", "SB_CONFIG_", "CONFIG_");

        Assert.Equal(("CONFIG_X", "CONFIG_", "X", 3), (symbols.Find("X")!.Name, symbols.Find("X")!.Prefix, symbols.Find("X")!.BareName, symbols.Find("X")!.Line));
        Assert.True(symbols.Find("Y")!.Enabled);
        Assert.Null(symbols.Find("Z"));
        Assert.Equal("SB_CONFIG_", symbols.Get("SB_CONFIG_X")!.Prefix);
    }

    [Fact]
    public void A_line_longer_than_the_bound_is_cut_and_the_result_marked_truncated()
    {
        var symbols = KconfigSymbols.Read("CONFIG_LONG=\"" + new string('a', 20_000) + "\"\nCONFIG_AFTER=y\n", "CONFIG_");

        Assert.True(symbols.Truncated);
        Assert.Equal(BuildFileText.MaxLineLength - "CONFIG_LONG=\"".Length, symbols.Get("CONFIG_LONG")!.Value.Length);
        Assert.True(symbols.IsEnabled("CONFIG_AFTER"));
    }
}
