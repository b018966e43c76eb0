using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Ubi;

/// <summary>
/// UBI, the volume layer under UBIFS on raw NAND: each physical eraseblock starts with an erase-counter header and,
/// if it is in use, a volume-identifier header naming the volume and logical block it holds. The volume table
/// (itself a small internal volume) names the volumes. Each volume is extracted as one entry,
/// <c>volumes/&lt;name&gt;.ubifs</c> (or <c>.bin</c> when it does not hold UBIFS), its logical blocks in order; the
/// driver then opens what is inside.
/// </summary>
public sealed class UbiReader : IFormatReader
{
    private static ReadOnlySpan<byte> UbifsMagic => [0x31, 0x18, 0x10, 0x06];

    public string Format => "ubi";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new FormatSignature("UBI#"u8.ToArray())];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        var header = UbiEcHeader.TryParse(head);
        if (header is null || header.Version != 1)
        {
            return null;
        }

        return new FormatMatch(
            null, Invariant.Text($"UBI image, image sequence {header.ImageSequence}, data at offset {header.DataOffset} of each eraseblock"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var first = new byte[UbiEcHeader.Bytes];
        source.ReadExactly(0, first, "UBI erase-counter header");
        var header = UbiEcHeader.TryParse(first) ?? throw Invariant.Malformed($"ubi: {source.Name} does not start with a valid erase-counter header");
        var blockSize = FindBlockSize(source, header, context);
        var layout = UbiLayout.Scan(source, blockSize, context);
        return Volumes(source, layout, context);
    }

    /// <summary>
    /// UBI does not record the eraseblock size; it is the distance between erase-counter headers. The most common
    /// distance among the first few dozen is taken, so an erased block or a stray header inside data does not
    /// mislead it. An image with a single header is a single block.
    /// </summary>
    private static long FindBlockSize(UnpackSource source, UbiEcHeader first, UnpackContext context)
    {
        const int Grid = 512;
        var window = new ReadWindow(source);
        var distances = new Dictionary<long, int>();
        long previous = 0;
        var found = 0;
        for (long position = Grid; position + UbiEcHeader.Bytes <= source.Length && found < 64; position += Grid)
        {
            if ((position & 0xF_FFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            var bytes = window.Get(position, UbiEcHeader.Bytes);
            if (bytes[0] == (byte)'U' && UbiEcHeader.TryParse(bytes) is not null)
            {
                distances[position - previous] = distances.GetValueOrDefault(position - previous) + 1;
                previous = position;
                found++;
            }
        }

        var size = found == 0
            ? source.Length
            : distances.OrderByDescending(d => d.Value).ThenBy(d => d.Key).First().Key;
        if (size <= first.DataOffset)
        {
            throw Invariant.Malformed($"ubi: the eraseblock size {size} leaves no room for data after offset {first.DataOffset}");
        }

        return size;
    }

    private static IEnumerable<UnpackedEntry> Volumes(UnpackSource source, UbiLayout layout, UnpackContext context)
    {
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in layout.Volumes)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var blocks = layout.BlocksOf(volume.VolumeId);
            if (blocks.Count == 0)
            {
                context.Warn(Invariant.Text($"ubi: volume {volume.VolumeId} '{volume.Name}' has no eraseblocks in this image"));
                continue;
            }

            var segments = volume.VolumeType == UbiVidHeader.Static
                ? StaticSegments(layout, volume, blocks)
                : DynamicSegments(layout, volume, blocks);
            var length = segments.Sum(s => s.Length);
            var name = volume.Name.Length > 0 ? volume.Name : Invariant.Text($"volume-{volume.VolumeId}");
            if (!usedNames.Add(name))
            {
                name = Invariant.Text($"{name}-{volume.VolumeId}");
                usedNames.Add(name);
            }

            var extension = HoldsUbifs(source, blocks.Values.First()) ? ".ubifs" : ".bin";
            var kind = volume.VolumeType == UbiVidHeader.Static ? "static" : "dynamic";
            yield return new UnpackedEntry
            {
                Path = "volumes/" + name + extension,
                Type = EntryType.File,
                Size = length,
                Description = Invariant.Text(
                    $"UBI volume {volume.VolumeId} '{volume.Name}' ({kind}, {blocks.Count} of {volume.ReservedBlocks} eraseblocks present)"),
                Open = () => new SegmentStream(source, segments),
            };
        }
    }

    /// <summary>Dynamic volumes: every logical block up to the last one present; unmapped ones read as erased flash.</summary>
    private static List<Segment> DynamicSegments(UbiLayout layout, UbiVolumeRecord volume, SortedDictionary<uint, UbiBlock> blocks)
    {
        var usable = layout.LogicalBlockSize - volume.DataPad;
        var segments = new List<Segment>();
        long expected = 0;
        foreach (var (logical, block) in blocks)
        {
            if (logical > expected)
            {
                segments.Add(new Segment(null, (logical - expected) * usable, 0xFF));
            }

            segments.Add(new Segment(block.DataOffset, usable));
            expected = logical + 1L;
        }

        return segments;
    }

    /// <summary>Static volumes: exactly the blocks the headers say are used, each holding the number of bytes its header says.</summary>
    private static List<Segment> StaticSegments(UbiLayout layout, UbiVolumeRecord volume, SortedDictionary<uint, UbiBlock> blocks)
    {
        var used = blocks.Values.First().UsedBlocks;
        if (used > volume.ReservedBlocks)
        {
            throw Invariant.Malformed($"ubi: static volume '{volume.Name}' claims {used} used eraseblocks of {volume.ReservedBlocks} reserved");
        }

        var usable = layout.LogicalBlockSize - volume.DataPad;
        var segments = new List<Segment>();
        for (uint logical = 0; logical < used; logical++)
        {
            if (!blocks.TryGetValue(logical, out var block))
            {
                throw Invariant.Malformed($"ubi: static volume '{volume.Name}' lacks logical eraseblock {logical} of {used} (truncated image?)");
            }

            if (block.DataSize > usable)
            {
                throw Invariant.Malformed(
                    $"ubi: logical eraseblock {logical} of static volume '{volume.Name}' claims {block.DataSize} bytes, over a block's {usable}");
            }

            segments.Add(new Segment(block.DataOffset, block.DataSize));
        }

        return segments;
    }

    private static bool HoldsUbifs(UnpackSource source, UbiBlock first)
    {
        Span<byte> magic = stackalloc byte[4];
        return source.ReadAt(first.DataOffset, magic) == 4 && magic.SequenceEqual(UbifsMagic);
    }
}
