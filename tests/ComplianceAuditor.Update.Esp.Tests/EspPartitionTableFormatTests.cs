using ComplianceAuditor.Update.Inspection;
using static ComplianceAuditor.Update.Esp.Tests.EspPartitionTableBuilder;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Partition tables built here: the OTA layouts that allow a fallback and those that do not.</summary>
public sealed class EspPartitionTableFormatTests
{
    private static UpdateInspection Table(byte[] bytes)
    {
        var inspection = new EspPartitionTableFormat().Inspect(Input(bytes));
        Assert.NotNull(inspection);
        return inspection;
    }

    [Fact]
    public void Two_ota_slots_with_otadata_have_no_weakness_and_a_valid_md5()
    {
        var bytes = EspPartitionTableBuilder.Table(md5: true, OtaLayout);

        var result = Table(bytes);
        var layout = EspPartitionLayout.TryRead(bytes)!;

        Assert.Null(result.Problem);
        Assert.Empty(result.Weaknesses);
        Assert.Empty(result.Signatures);
        Assert.Equal(AuthenticationSupport.NotAnImage, result.Authentication);
        Assert.False(result.RollbackSupported);
        Assert.Equal("MD5", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
        Assert.True(layout.HasAbSlots);
        Assert.True(layout.HasOtaData);
        Assert.False(layout.HasFactory);
        Assert.Equal(["ota_0", "ota_1"], layout.OtaSlots.Select(p => p.Label));
        Assert.Equal("otadata", layout.OtaData!.Label);
        Assert.Contains("not an update image", Fact(result, "authentication"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ota_slots_without_otadata_are_named()
    {
        var result = Table(EspPartitionTableBuilder.Table(md5: false, [.. OtaLayout.Where(e => e.Label != "otadata")]));

        Assert.Equal("esp-ota-without-otadata", Assert.Single(result.Weaknesses).Code);
        Assert.Null(result.Integrity);
    }

    [Fact]
    public void A_factory_app_with_one_ota_slot_has_no_fallback_pair()
    {
        var result = Table(EspPartitionTableBuilder.Table(md5: true,
            (1, 0x00, 0xD000, 0x2000, "otadata"), (0, 0x00, 0x10000, 0x100000, "factory"), (0, 0x10, 0x110000, 0x100000, "ota_0")));

        var weakness = Assert.Single(result.Weaknesses);
        Assert.Equal("esp-single-app-slot", weakness.Code);
        Assert.Contains("a single OTA slot (ota_0) besides factory", weakness.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_entry_fails_the_md5()
    {
        var bytes = EspPartitionTableBuilder.Table(md5: true, OtaLayout);
        bytes[32 * 4 + 8] ^= 0x01;

        Assert.False(Table(bytes).Integrity!.Matches);
    }

    [Fact]
    public void A_bad_entry_after_a_good_first_one_is_a_problem()
    {
        var bytes = EspPartitionTableBuilder.Table(md5: false, OtaLayout);
        bytes[32 * 2 + 4] = 0x01;

        var result = Table(bytes);

        Assert.StartsWith("the partition table is malformed: entry 2", result.Problem, StringComparison.Ordinal);
        Assert.Empty(result.Weaknesses);
    }

    [Fact]
    public void Bytes_without_a_plausible_first_entry_are_not_a_table()
    {
        var format = new EspPartitionTableFormat();
        var unaligned = EspPartitionTableBuilder.Table(md5: false, OtaLayout);
        unaligned[4] = 0x10;

        Assert.Null(format.Inspect(Input([0xAA, 0x50])));
        Assert.Null(format.Inspect(Input(unaligned)));
        Assert.Null(format.Inspect(Input(EspImageBuilder.App())));
        Assert.Null(EspPartitionLayout.TryRead([0xAA, 0x50, 0, 0]));
    }
}
