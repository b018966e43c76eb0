using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Tests;

/// <summary>The list of codes rules are validated against matches what the readers really report.</summary>
public sealed class BuildWeaknessCodesTests
{
    /// <summary>Files that between them show every weakness the readers know, each under a name that picks its reader.</summary>
    private static readonly (string Path, string Text)[] Everything =
    [
        ("configs/a_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_GETTY=y\nBR2_TARGET_GENERIC_GETTY_OPTIONS=\"-a root\"\nBR2_SSP_NONE=y\nBR2_RELRO_NONE=y\nBR2_FORTIFY_SOURCE_NONE=y\n# BR2_PIC_PIE is not set\nBR2_ENABLE_DEBUG=y\n"),
        ("configs/b_defconfig", "BR2_TARGET_GENERIC_ROOT_PASSWD=\"plain\"\n"),
        ("conf/local.conf", "EXTRA_IMAGE_FEATURES = \"debug-tweaks empty-root-password allow-empty-password allow-root-login post-install-logging serial-autologin-root\"\nSECURITY_CFLAGS = \"\"\n"),
        ("recipes-core/images/i.bb", "inherit extrausers\nEXTRA_USERS_PARAMS = \"usermod -P x root; usermod -p '\\$6\\$a\\$b' admin;\"\n"),
        ("prj.conf", "CONFIG_SHELL=y\nCONFIG_LOG_DEFAULT_LEVEL=4\nCONFIG_DEBUG=y\nCONFIG_TEST_RANDOM_GENERATOR=y\n# CONFIG_STACK_CANARIES is not set\nCONFIG_HW_STACK_PROTECTION=n\nCONFIG_USERSPACE=n\nCONFIG_MBEDTLS_DEBUG=y\nCONFIG_MBEDTLS_MD5=y\n"),
        ("Makefile", "CFLAGS += -fno-stack-protector -U_FORTIFY_SOURCE -no-pie -fcf-protection=none\nLDFLAGS += -Wl,-z,norelro,-z,lazy,-z,execstack\n"),
    ];

    [Fact]
    public void Every_code_a_reader_reports_is_listed_and_every_listed_code_is_reported_by_a_reader()
    {
        var reported = Everything.SelectMany(f => BuildHardeningFiles.AnalyzeText(f.Text, f.Path).Weaknesses).Select(w => w.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(BuildWeaknessCodes.All.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        Assert.Equal(BuildWeaknessCodes.All.Order(StringComparer.Ordinal), BuildWeaknessCodes.All);
    }

    [Fact]
    public void Each_code_is_reported_only_by_the_kinds_it_is_listed_for()
    {
        foreach (var (path, text) in Everything)
        {
            var analysis = BuildHardeningFiles.AnalyzeText(text, path);
            Assert.All(analysis.Weaknesses, w => Assert.Contains(analysis.Kind, BuildWeaknessCodes.KindsOf(w.Code)));
        }
    }

    [Theory]
    [InlineData("zephyr-debug", new[] { "zephyr-debug-build", "zephyr-debug-logging" })]
    [InlineData("yocto-no-security-flags", new[] { "yocto-no-security-flags" })]
    [InlineData("build-flag-disables-pi", new string[0])]
    [InlineData("buildroot-", new string[0])]
    public void Prefixes_match_whole_words_only(string entry, string[] expected)
    {
        Assert.Equal(expected, BuildWeaknessCodes.Matching(entry));
    }
}
