namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>The otadata partition: which entry and OTA slot the bootloader follows.</summary>
public sealed class EspOtaDataTests
{
    [Fact]
    public void The_usable_entry_with_the_higher_sequence_selects_the_slot()
    {
        var data = EspOtaData.TryRead(EspPartitionTableBuilder.OtaData((1, 2), (2, 1)))!;

        Assert.Equal(2u, data.Active!.Sequence);
        Assert.Equal("PENDING_VERIFY", data.Active.StateName);
        Assert.Equal(1, data.ActiveSlot(otaSlotCount: 2));
        Assert.Equal("VALID", data.First.StateName);
    }

    [Fact]
    public void The_crc_is_zlib_crc32_of_the_sequence_seeded_with_all_ones()
    {
        var partition = EspPartitionTableBuilder.OtaData(null, null);
        byte[] entry = [1, 0, 0, 0];
        entry.CopyTo(partition, 0);
        partition[24] = 2;
        partition[25] = partition[26] = partition[27] = 0;
        byte[] crc = [0x9A, 0x98, 0x43, 0x47];
        crc.CopyTo(partition, 28);

        var data = EspOtaData.TryRead(partition)!;

        Assert.True(data.First.CrcValid);
        Assert.Equal(1u, data.Active!.Sequence);
        Assert.Equal(0, data.ActiveSlot(otaSlotCount: 2));
    }

    [Fact]
    public void An_entry_with_a_broken_crc_or_a_failed_image_is_skipped()
    {
        var broken = EspPartitionTableBuilder.OtaData((3, 2), (4, 2));
        broken[0x1000 + 28] ^= 0x01;
        var aborted = EspPartitionTableBuilder.OtaData((3, 2), (4, (uint)EspOtaState.Aborted));

        Assert.Equal(3u, EspOtaData.TryRead(broken)!.Active!.Sequence);
        Assert.False(EspOtaData.TryRead(broken)!.Second.CrcValid);
        Assert.Equal(3u, EspOtaData.TryRead(aborted)!.Active!.Sequence);
    }

    [Fact]
    public void Erased_otadata_selects_no_slot_and_a_short_blob_is_not_otadata()
    {
        var erased = EspOtaData.TryRead(EspPartitionTableBuilder.OtaData(null, null))!;

        Assert.Null(erased.Active);
        Assert.Null(erased.ActiveSlot(2));
        Assert.Equal(EspOtaState.Undefined, erased.First.State);
        Assert.Null(EspOtaData.TryRead(new byte[0x1010]));
    }
}
