using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Esp.Tests;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2065: a device that updates keeps a second slot or a recovery path. Shown by ESP-IDF partition tables, U-Boot
/// environments with boot counting, and RAUC slot pairs; a target with no sign of updating is not applicable.
/// </summary>
public sealed class PowerFailRecoveryRuleTests
{
    private static readonly (byte, byte, uint, uint, string)[] SingleApp =
    [
        (1, 0x02, 0x9000, 0x6000, "nvs"),
        (1, 0x01, 0xF000, 0x1000, "phy_init"),
        (0, 0x00, 0x10000, 0x100000, "factory"),
    ];

    private static LinuxRoot SwUpdateRoot() => new LinuxRoot().SwUpdate("globals :\n{\n    public-key-file = \"/etc/swupdate/public.pem\";\n};\n");

    [Fact]
    public async Task An_ESP_flash_layout_with_two_OTA_slots_and_otadata_passes()
    {
        using var flash = new LinuxRoot(withPasswd: false)
            .Add("/partitions.bin", EspPartitionTableBuilder.Table(md5: true, EspPartitionTableBuilder.OtaLayout))
            .Add("/app.bin", EspImageBuilder.App());

        var result = await flash.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("ESP-IDF partition table with OTA slots (ota_0, ota_1) and otadata", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("partitions.bin", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ESP_app_updated_into_a_single_factory_partition_fails()
    {
        using var flash = new LinuxRoot(withPasswd: false)
            .Add("/partitions.bin", EspPartitionTableBuilder.Table(md5: true, SingleApp))
            .Add("/app.bin", EspImageBuilder.App());

        var result = await flash.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("keeps no second slot or recovery path", result.Reason, StringComparison.Ordinal);
        Assert.Contains("app partition(s) factory and no otadata", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_slot_layout_with_nothing_that_updates_is_not_applicable()
    {
        using var flash = new LinuxRoot(withPasswd: false).Add("/partitions.bin", EspPartitionTableBuilder.Table(md5: true, SingleApp));

        var result = await flash.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("no update mechanism was found (ESP-IDF partition table", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_U_Boot_environment_with_bootlimit_and_altbootcmd_passes()
    {
        using var root = SwUpdateRoot().Add("/boot/uEnv.txt", "bootcmd=run boot_a\nbootlimit=3\naltbootcmd=run boot_b\nupgrade_available=0\n");

        var result = await root.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("U-Boot environment with bootlimit 3 and altbootcmd", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_U_Boot_environment_without_boot_counting_fails_on_a_device_that_updates()
    {
        using var root = SwUpdateRoot().Add("/boot/uEnv.txt", "bootcmd=run boot_a\nbootdelay=0\n");

        var result = await root.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("the device updates (SWUpdate in ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("U-Boot environment without boot counting and altbootcmd", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RAUC_with_an_A_B_slot_pair_passes_and_with_one_slot_fails()
    {
        const string System = "[system]\ncompatible=Rule Test Board\nbootloader=uboot\n\n[keyring]\npath=/etc/rauc/ca.pem\n\n";
        const string SlotA = "[slot.rootfs.0]\ndevice=/dev/mmcblk0p2\nbootname=A\n\n";
        using var pair = new LinuxRoot().Rauc(System + SlotA + "[slot.rootfs.1]\ndevice=/dev/mmcblk0p3\nbootname=B\n");
        using var single = new LinuxRoot().Rauc(System + SlotA);

        var ab = await pair.JudgeAsync("CMP2065");
        var one = await single.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Pass, ab.Outcome);
        Assert.Contains("RAUC: A/B slots rootfs.0 (bootname A), rootfs.1 (bootname B)", ab.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, one.Outcome);
        Assert.Contains("no slot class has two bootable slots and there is no rescue slot (rootfs.0)", one.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_updates_without_any_layout_evidence_is_inconclusive()
    {
        using var root = SwUpdateRoot();

        var result = await root.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("no partition table, slot configuration or boot counter was found", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linux_root_with_no_update_mechanism_is_not_applicable()
    {
        using var root = new LinuxRoot().Add("/boot/uEnv.txt", "bootcmd=run boot_a\n");

        var result = await root.JudgeAsync("CMP2065");

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }
}
