using System.Globalization;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>
/// Reads a full ESP-IDF flash image (a flash dump or a merged binary): the bootloader (at 0x1000 on the ESP32, at 0x0
/// on later chips), the partition table, and every partition it lists as <c>partitions/&lt;label&gt;.bin</c>.
/// A table whose partitions all lie beyond the data is a bare partition-table file, not a flash image, and is not
/// taken (the extracted <c>partition-table.bin</c> would otherwise be unpacked again and again).
/// </summary>
public sealed class EspFlashReader : IFormatReader
{
    private const string Name = "esp-idf-flash";

    public string Format => Name;

    public string Extractor => "native";

    /// <summary>The table's first entry at its default place; tables elsewhere are found only at the start of a file.</summary>
    public IReadOnlyList<FormatSignature> Signatures { get; } = [new([0xAA, 0x50], EspPartitionTable.DefaultOffset)];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        try
        {
            if (EspPartitionTable.Find(head) is not var (offset, table) || !table.Partitions.Any(p => p.Offset < available))
            {
                return null;
            }

            var bootloader = FindBootloaderOffset(head, offset);
            return new FormatMatch(null, string.Create(CultureInfo.InvariantCulture,
                $"ESP-IDF flash image, partition table at 0x{offset:x} ({table.Partitions.Count} partitions{(table.Checksum == EspTableChecksum.Valid ? ", MD5 valid" : string.Empty)}){(bootloader is { } b ? $", bootloader at 0x{b:x}" : string.Empty)}"));
        }
#pragma warning disable CA1031 // Identify must never throw, whatever the bytes are.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var head = new byte[(int)Math.Min(FormatSignature.HeadBytes, source.Length)];
        source.ReadExactly(0, head, "esp-idf-flash: first 64 KiB");
        if (EspPartitionTable.Find(head) is not var (tableOffset, table))
        {
            throw Fail.Malformed(Name, $"no partition table at a 4 KiB boundary in the first 64 KiB");
        }

        return ReadCore(source, context, head, tableOffset, table);
    }

    private static IEnumerable<UnpackedEntry> ReadCore(UnpackSource source, UnpackContext context, byte[] head, long tableOffset, EspPartitionTable table)
    {
        if (table.Checksum == EspTableChecksum.Invalid)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"esp-idf-flash: the MD5 entry of the partition table at 0x{tableOffset:x} does not match its entries"));
        }

        // Regions already handed out; a partition overlapping one of them is skipped with a warning, because two
        // names for the same bytes make the inventory count them twice and usually mean a corrupt table.
        var taken = new List<(long Start, long End, string What)>();

        if (FindBootloaderOffset(head, tableOffset) is { } bootOffset)
        {
            var region = source.Slice(bootOffset, tableOffset - bootOffset);
            EspAppImage? image = null;
            try
            {
                image = EspAppImage.Parse(region);
            }
            catch (UnpackException e)
            {
                context.Warn($"esp-idf-flash: bootloader header found but the image is malformed: {e.Message}");
            }

            if (image?.TotalLength is { } length)
            {
                taken.Add((bootOffset, bootOffset + length, "bootloader"));
                var slice = region.Slice(0, length);
                yield return new UnpackedEntry
                {
                    Path = "bootloader.bin",
                    Type = EntryType.File,
                    Size = length,
                    Offset = bootOffset,
                    Description = "bootloader: " + EspAppImageReader.Describe(image),
                    Open = slice.OpenStream,
                };
            }
        }
        else
        {
            context.Warn("esp-idf-flash: no plain bootloader image at 0x0 or 0x1000 (absent, or flash-encrypted)");
        }

        var tableLength = Math.Min(EspPartitionTable.MaxLength, source.Length - tableOffset);
        taken.Add((tableOffset, tableOffset + tableLength, "partition table"));
        var tableSlice = source.Slice(tableOffset, tableLength);
        yield return new UnpackedEntry
        {
            Path = "partition-table.bin",
            Type = EntryType.File,
            Size = tableLength,
            Offset = tableOffset,
            Description = string.Create(CultureInfo.InvariantCulture, $"partition table, {table.Partitions.Count} entries, MD5 {table.Checksum.ToString().ToLowerInvariant()}"),
            Open = tableSlice.OpenStream,
        };

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in table.Partitions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var label = string.Create(CultureInfo.InvariantCulture, $"'{p.Label}' at 0x{p.Offset:x}");
            if (p.Offset >= source.Length)
            {
                context.Warn(string.Create(CultureInfo.InvariantCulture, $"esp-idf-flash: partition {label} lies past the end of the {source.Length}-byte image; skipped"));
                continue;
            }

            long size = p.Size;
            if (size > source.Length - p.Offset)
            {
                size = source.Length - p.Offset;
                context.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"esp-idf-flash: partition {label} ({p.Size} bytes) runs past the end of the {source.Length}-byte image; only its first {size} bytes are extracted"));
            }

            var overlap = taken.FirstOrDefault(t => p.Offset < t.End && t.Start < p.Offset + size);
            if (overlap.What is not null)
            {
                context.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"esp-idf-flash: partition {label} overlaps the {overlap.What} at 0x{overlap.Start:x}; skipped"));
                continue;
            }

            taken.Add((p.Offset, p.Offset + size, $"partition '{p.Label}'"));
            var name = EntryNames.Unique(used, EntryNames.Sanitise(p.Label, string.Create(CultureInfo.InvariantCulture, $"partition-0x{p.Offset:x}")) + ".bin",
                string.Create(CultureInfo.InvariantCulture, $"0x{p.Offset:x}"));
            var slice = source.Slice(p.Offset, size);
            yield return new UnpackedEntry
            {
                Path = "partitions/" + name,
                Type = EntryType.File,
                Size = size,
                Offset = p.Offset,
                Description = p.Describe(),
                Open = slice.OpenStream,
            };
        }
    }

    /// <summary>The bootloader sits at 0x1000 on the ESP32 and at 0x0 on later chips; either way before the table.</summary>
    private static long? FindBootloaderOffset(ReadOnlySpan<byte> head, long tableOffset)
    {
        foreach (var offset in new[] { 0x1000, 0x0 })
        {
            if (offset < tableOffset && offset < head.Length && EspAppImage.TryParse(head[offset..(int)Math.Min(head.Length, tableOffset)], tableOffset - offset) is not null)
            {
                return offset;
            }
        }

        return null;
    }
}
