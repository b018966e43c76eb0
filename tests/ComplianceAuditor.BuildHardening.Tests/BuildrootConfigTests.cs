using ComplianceAuditor.BuildHardening.Buildroot;
using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Tests;

public sealed class BuildrootConfigTests
{
    private const string Weak = """
        BR2_aarch64=y
        BR2_TARGET_GENERIC_HOSTNAME="dev"
        BR2_TARGET_ENABLE_ROOT_LOGIN=y
        BR2_TARGET_GENERIC_ROOT_PASSWD=""
        BR2_TARGET_GENERIC_GETTY=y
        BR2_TARGET_GENERIC_GETTY_OPTIONS="-n -l /bin/sh"
        BR2_SSP_NONE=y
        BR2_RELRO_NONE=y
        BR2_FORTIFY_SOURCE_NONE=y
        # BR2_PIC_PIE is not set
        BR2_ENABLE_DEBUG=y
        BR2_PACKAGE_DROPBEAR=y
        """;

    [Fact]
    public void Weak_config_names_every_weakness_with_its_line()
    {
        var settings = BuildrootConfig.Read(Weak, "configs/board_defconfig")!;

        var found = settings.Weaknesses.Select(w => $"{w.Code}@{w.Location}").ToList();
        Assert.Equal(
            [
                "buildroot-empty-root-password@configs/board_defconfig:4", "buildroot-getty-root-shell@configs/board_defconfig:6",
                "buildroot-no-ssp@configs/board_defconfig:7", "buildroot-no-relro@configs/board_defconfig:8",
                "buildroot-no-fortify@configs/board_defconfig:9", "buildroot-no-pie@configs/board_defconfig:10",
                "buildroot-debug-build@configs/board_defconfig:11",
            ],
            found);
        Assert.True(settings.Dropbear);
        Assert.True(settings.DebugBuild);
        Assert.All(settings.Features, f => Assert.Equal(HardeningState.Disabled, f.State));
    }

    [Fact]
    public void Hardened_config_has_no_weakness_and_enabled_features()
    {
        var settings = BuildrootConfig.Read("""
            BR2_TARGET_ENABLE_ROOT_LOGIN=y
            BR2_TARGET_GENERIC_ROOT_PASSWD="$6$salt$hashvalue"
            BR2_SSP_STRONG=y
            BR2_RELRO_FULL=y
            BR2_FORTIFY_SOURCE_2=y
            BR2_PIC_PIE=y
            """)!;

        Assert.Empty(settings.Weaknesses);
        Assert.Equal("hashed", settings.RootPassword);
        Assert.Equal(["fortify", "pie", "relro", "ssp"], settings.Features.Select(f => f.Name));
        Assert.All(settings.Features, f => Assert.Equal(HardeningState.Enabled, f.State));
    }

    [Fact]
    public void Defconfig_leaving_root_settings_at_default_reports_empty_password_at_line_zero_and_unknown_hardening()
    {
        var settings = BuildrootConfig.Read("BR2_arm=y\nBR2_cortex_a7=y\n")!;

        var weakness = Assert.Single(settings.Weaknesses);
        Assert.Equal("buildroot-empty-root-password", weakness.Code);
        Assert.Equal(0, weakness.Line);
        Assert.All(settings.Features, f => Assert.Equal(HardeningState.Unknown, f.State));
    }

    [Fact]
    public void Root_login_off_or_custom_skeleton_is_not_an_empty_password_weakness()
    {
        Assert.Empty(BuildrootConfig.Read("# BR2_TARGET_ENABLE_ROOT_LOGIN is not set\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"\"\n")!.Weaknesses);
        Assert.Empty(BuildrootConfig.Read("BR2_ROOTFS_SKELETON_CUSTOM=y\n")!.Weaknesses);
    }

    [Fact]
    public void Clear_text_password_is_reported_without_its_value()
    {
        var weakness = Assert.Single(BuildrootConfig.Read("BR2_TARGET_GENERIC_ROOT_PASSWD=\"hunter2 \\\"x\\\"\"\n")!.Weaknesses);

        Assert.Equal("buildroot-plain-root-password", weakness.Code);
        Assert.Equal(1, weakness.Line);
        Assert.DoesNotContain("hunter2", weakness.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_assignment_wins_and_autologin_getty_is_a_root_shell()
    {
        var settings = BuildrootConfig.Read("""
            BR2_SSP_NONE=y
            # BR2_SSP_NONE is not set
            BR2_SSP_STRONG=y
            BR2_TARGET_GENERIC_GETTY_PORT="ttyS0"
            BR2_TARGET_GENERIC_GETTY_OPTIONS="--autologin root"
            BR2_TARGET_GENERIC_ROOT_PASSWD="$5$x$y"
            """)!;

        Assert.Equal(HardeningState.Enabled, settings.Features.Single(f => f.Name == "ssp").State);
        Assert.Equal(3, settings.Features.Single(f => f.Name == "ssp").Line);
        Assert.Equal("buildroot-getty-root-shell", Assert.Single(settings.Weaknesses).Code);
    }

    [Fact]
    public void Text_without_BR2_symbols_is_not_buildroot()
    {
        Assert.Null(BuildrootConfig.Read("CONFIG_SIGNED_PACKAGES=y\n"));
        Assert.Null(BuildrootConfig.Read(null));
    }
}
