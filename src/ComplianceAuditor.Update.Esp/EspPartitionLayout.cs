using ComplianceAuditor.Formats.Esp;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// The update-relevant shape of an ESP-IDF partition table: which application slots exist and whether the otadata
/// partition that selects between them is there. A device can update in place and fall back after a failed update
/// only with two or more OTA slots (ota_0, ota_1, …) and otadata; a factory partition alone can do neither.
/// </summary>
public sealed record EspPartitionLayout
{
    public required IReadOnlyList<EspPartition> Partitions { get; init; }

    /// <summary>Whether the table ends with an MD5 entry and whether it matched.</summary>
    public required EspTableChecksum Checksum { get; init; }

    /// <summary>The app partitions of subtype ota_0 … ota_15, in table order.</summary>
    public IReadOnlyList<EspPartition> OtaSlots => [.. Partitions.Where(p => p.Type == EspPartition.TypeApp && p.Subtype is >= 0x10 and <= 0x1F)];

    public IReadOnlyList<EspPartition> AppPartitions => [.. Partitions.Where(p => p.Type == EspPartition.TypeApp)];

    public bool HasFactory => Partitions.Any(p => p.Type == EspPartition.TypeApp && p.Subtype == 0x00);

    /// <summary>
    /// Two or more OTA slots: an update is written to the slot not running, so the running image survives a power
    /// failure and can be returned to. ESP-IDF cycles through ota_0, ota_1, … in order.
    /// </summary>
    public bool HasAbSlots => OtaSlots.Select(p => p.Subtype).Distinct().Count() >= 2;

    /// <summary>The data partition of subtype ota (otadata), which records which OTA slot boots.</summary>
    public EspPartition? OtaData => Partitions.FirstOrDefault(p => p.Type == EspPartition.TypeData && p.Subtype == 0x00);

    public bool HasOtaData => OtaData is not null;

    /// <summary>The layout of the table at the start of <paramref name="bytes"/>, or null when it is not one.</summary>
    public static EspPartitionLayout? TryRead(ReadOnlySpan<byte> bytes) =>
        EspPartitionTable.TryParse(bytes, out _) is { } table ? FromTable(table) : null;

    public static EspPartitionLayout FromTable(EspPartitionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new EspPartitionLayout { Partitions = table.Partitions, Checksum = table.Checksum };
    }
}
