using System.Globalization;
using ComplianceAuditor.Formats.Esp;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// ESP-IDF partition tables (32-byte entries with magic <c>AA 50</c>, an optional MD5 entry <c>EB EB</c>), read for
/// what they say about updates: which application slots exist and whether OTA is possible with a fallback. A
/// partition table is layout data, not an update image: it carries no signature and no anti-rollback value of its
/// own, so its inspection has no signatures, <see cref="AuthenticationSupport.NotAnImage"/> and no rollback support.
/// <see cref="EspPartitionLayout"/> gives the same reading typed, for checks that need it. Weakness codes:
/// <list type="bullet">
/// <item><c>esp-single-app-slot</c>: fewer than two OTA slots (ota_0/ota_1 pair), so the device cannot update in
/// place with the running image kept: no OTA at all with only a factory app, and no fallback image.</item>
/// <item><c>esp-ota-without-otadata</c>: OTA slots without an otadata partition; the bootloader has no record of
/// which slot to boot, so an update can never take effect or be rolled back.</item>
/// </list>
/// </summary>
public sealed class EspPartitionTableFormat : IUpdateFormat
{
    public string Name => "ESP-IDF partition table";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes.Span;

        // The two-byte magic is weak; the first entry must also be plausible (aligned offset, size, text label).
        if (bytes.Length < EspPartitionTable.EntrySize || bytes[0] != 0xAA || bytes[1] != 0x50 ||
            EspPartitionTable.TryParse(bytes[..EspPartitionTable.EntrySize], out _) is null)
        {
            return null;
        }

        var facts = new List<InspectionFact>
        {
            new("authentication", "a partition table is layout data, not an update image: it has no signature of its own (the bootloader checks at most its MD5)"),
        };
        if (EspPartitionTable.TryParse(bytes, out var error) is not { } table)
        {
            return new UpdateInspection
            {
                Format = Name,
                Authentication = AuthenticationSupport.NotAnImage,
                RollbackSupported = false,
                Problem = $"the partition table is malformed: {error}",
                Facts = facts,
            };
        }

        var layout = EspPartitionLayout.FromTable(table);
        facts.Add(new("partitions", string.Join(", ", layout.Partitions.Select(Describe))));
        facts.Add(new("app partitions", layout.AppPartitions.Count == 0 ? "none" : string.Join(", ", layout.AppPartitions.Select(Describe))));
        facts.Add(new("otadata", layout.OtaData is { } otadata ? Describe(otadata) : "absent"));
        facts.Add(new("MD5 entry", table.Checksum switch
        {
            EspTableChecksum.Valid => "valid",
            EspTableChecksum.Invalid => "does not match the entries",
            _ => "absent",
        }));
        return new UpdateInspection
        {
            Format = Name,
            Authentication = AuthenticationSupport.NotAnImage,
            RollbackSupported = false,
            Integrity = table.Checksum == EspTableChecksum.Absent ? null : new IntegrityFinding("MD5", table.Checksum == EspTableChecksum.Valid, "partition entries"),
            Facts = facts,
            Weaknesses = Weaknesses(layout),
        };
    }

    private static List<UpdateWeakness> Weaknesses(EspPartitionLayout layout)
    {
        var weaknesses = new List<UpdateWeakness>();
        var slots = layout.OtaSlots;
        if (!layout.HasAbSlots)
        {
            var what = slots.Count == 0
                ? (layout.HasFactory ? "only a factory app partition" : "no factory or OTA app partition")
                : $"a single OTA slot ({slots[0].SubtypeName}){(layout.HasFactory ? " besides factory" : string.Empty)}";
            weaknesses.Add(new("esp-single-app-slot", $"the table has {what}: no ota_0/ota_1 pair, so there is no in-place update with a fallback image"));
        }

        if (slots.Count > 0 && !layout.HasOtaData)
        {
            weaknesses.Add(new("esp-ota-without-otadata", $"the table has {slots.Count} OTA slot(s) but no otadata partition to select the slot to boot"));
        }

        return weaknesses;
    }

    private static string Describe(EspPartition p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Label} ({p.Describe()}) at 0x{p.Offset:x}, {p.Size} bytes");
}
