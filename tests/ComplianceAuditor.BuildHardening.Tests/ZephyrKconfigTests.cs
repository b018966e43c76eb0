using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Zephyr;

namespace ComplianceAuditor.BuildHardening.Tests;

public sealed class ZephyrKconfigTests
{
    [Fact]
    public void Debug_fragment_names_weaknesses_with_lines()
    {
        var settings = ZephyrKconfig.Read("""
            # application settings
            CONFIG_SHELL=y
            CONFIG_LOG_DEFAULT_LEVEL=4
            CONFIG_DEBUG_OPTIMIZATIONS=y
            CONFIG_TEST_RANDOM_GENERATOR=y
            # CONFIG_STACK_CANARIES is not set
            CONFIG_HW_STACK_PROTECTION=n
            CONFIG_USERSPACE=n
            CONFIG_MBEDTLS_DEBUG=y
            CONFIG_MBEDTLS_MAC_MD5_ENABLED=y # legacy peer
            """, "app/overlay-debug.conf")!;

        Assert.Equal(
            [
                "zephyr-shell-enabled:2", "zephyr-debug-logging:3", "zephyr-debug-build:4", "zephyr-test-rng:5", "zephyr-no-stack-canaries:6",
                "zephyr-no-hw-stack-protection:7", "zephyr-no-userspace:8", "zephyr-mbedtls-debug:9", "zephyr-mbedtls-weak-algorithm:10",
            ],
            settings.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.True(settings.DebugFragment);
    }

    [Fact]
    public void Release_fragment_enables_features_and_shell_without_serial_backend_is_fine()
    {
        var settings = ZephyrKconfig.Read("""
            CONFIG_STACK_CANARIES_STRONG=y
            CONFIG_HW_STACK_PROTECTION=y
            CONFIG_USERSPACE=y
            CONFIG_SHELL=y
            CONFIG_SHELL_BACKEND_SERIAL=n
            CONFIG_LOG_DEFAULT_LEVEL=2
            CONFIG_ENTROPY_GENERATOR=y
            """, "prj.conf")!;

        Assert.Empty(settings.Weaknesses);
        Assert.False(settings.DebugFragment);
        Assert.All(settings.Features, f => Assert.Equal(HardeningState.Enabled, f.State));
    }

    [Fact]
    public void Unwritten_symbols_are_unknown_and_sysbuild_prefix_is_read()
    {
        var settings = ZephyrKconfig.Read("SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_TIMER_RANDOM_GENERATOR=y\n", "sysbuild.conf")!;

        Assert.All(settings.Features, f => Assert.Equal(HardeningState.Unknown, f.State));
        Assert.Equal("zephyr-test-rng", Assert.Single(settings.Weaknesses).Code);
        Assert.Null(ZephyrKconfig.Read("BR2_arm=y\nFOO=1\n"));
    }
}
