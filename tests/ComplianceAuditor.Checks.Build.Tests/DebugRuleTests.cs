using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>CMP3021 (development shells and root logins) and CMP3022 (debug builds and debug logging).</summary>
public sealed class DebugRuleTests
{
    [Fact]
    public async Task Zephyr_shell_on_the_serial_console_fails_CMP3021()
    {
        var results = await RuleAudit.RepoAsync(["CMP3021"], ("app/prj.conf", "CONFIG_GPIO=y\nCONFIG_SHELL=y\n"));

        var result = RuleAudit.Only(results, "CMP3021");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("Zephyr Kconfig fragment: CONFIG_SHELL=y: a command shell is reachable on the serial console", result.Reason, StringComparison.Ordinal);
        Assert.Equal(("CONFIG_SHELL=y", 2), (result.Evidence[0].Excerpt, result.Evidence[0].Line));
    }

    [Fact]
    public async Task Zephyr_shell_without_its_serial_backend_passes_CMP3021()
    {
        var results = await RuleAudit.RepoAsync(["CMP3021"], ("app/prj.conf", "CONFIG_SHELL=y\nCONFIG_SHELL_BACKEND_SERIAL=n\n"));

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP3021").Outcome);
    }

    [Fact]
    public async Task Buildroot_autologin_getty_and_yocto_serial_autologin_fail_CMP3021()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3021"],
            ("configs/cam_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"$6$a$b\"\nBR2_TARGET_GENERIC_GETTY_PORT=\"ttyS0\"\nBR2_TARGET_GENERIC_GETTY_OPTIONS=\"--autologin root\"\n"),
            ("meta-cam/recipes-core/images/cam-image.bbappend", "IMAGE_FEATURES:append = \" serial-autologin-root\"\n"));

        var buildroot = RuleAudit.On(results, "CMP3021", "cam_defconfig");
        Assert.Equal(Outcome.Fail, buildroot.Outcome);
        Assert.Equal(4, buildroot.Evidence[0].Line);
        var yocto = RuleAudit.On(results, "CMP3021", "cam-image.bbappend");
        Assert.Equal(Outcome.Fail, yocto.Outcome);
        Assert.StartsWith("yocto-serial-autologin-root:", yocto.Evidence[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlays_named_for_debugging_are_left_out_of_CMP3021_and_CMP3022()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3021", "CMP3022"],
            ("app/overlay-debug.conf", "CONFIG_SHELL=y\nCONFIG_LOG_DEFAULT_LEVEL=4\nCONFIG_DEBUG_OPTIMIZATIONS=y\n"),
            ("app/prj.conf", "CONFIG_LOG_DEFAULT_LEVEL=2\n"));

        Assert.DoesNotContain(results, r => r.Artifact.EndsWith("overlay-debug.conf", StringComparison.Ordinal));
        Assert.Equal(Outcome.Pass, RuleAudit.On(results, "CMP3021", "app/prj.conf").Outcome);
        Assert.Equal(Outcome.Pass, RuleAudit.On(results, "CMP3022", "app/prj.conf").Outcome);
    }

    [Fact]
    public async Task Zephyr_debug_logging_and_mbedtls_debug_fail_CMP3022_with_each_setting()
    {
        var results = await RuleAudit.RepoAsync(["CMP3022"], ("prj.conf", "CONFIG_LOG=y\nCONFIG_LOG_DEFAULT_LEVEL=4\nCONFIG_MBEDTLS_DEBUG=y\n"));

        var result = RuleAudit.Only(results, "CMP3022");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(["CONFIG_LOG_DEFAULT_LEVEL=4", "CONFIG_MBEDTLS_DEBUG=y"], result.Evidence.Select(e => e.Excerpt));
        Assert.Equal([2, 3], result.Evidence.Select(e => e.Line ?? 0));
    }

    [Fact]
    public async Task Buildroot_debug_build_fails_CMP3022_and_a_release_defconfig_passes()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3022"],
            ("configs/dev_defconfig", "BR2_arm=y\nBR2_ENABLE_DEBUG=y\n"),
            ("configs/rel_defconfig", "BR2_arm=y\n# BR2_ENABLE_DEBUG is not set\n"));

        Assert.Equal(Outcome.Fail, RuleAudit.On(results, "CMP3022", "dev_defconfig").Outcome);
        Assert.Equal(Outcome.Pass, RuleAudit.On(results, "CMP3022", "rel_defconfig").Outcome);
    }
}
