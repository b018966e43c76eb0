using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>
/// The descriptors of a vbmeta image, walked within the descriptors area: each is a big-endian u64 tag and u64 length
/// (a multiple of 8) and its body. <see cref="ByKind"/> has one entry per descriptor: the partition name of hash,
/// hashtree and chain descriptors, empty for the others.
/// </summary>
internal sealed record AvbDescriptors(IReadOnlyDictionary<string, List<string>> ByKind, string? Problem)
{
    /// <summary>Far more than any vbmeta holds; each descriptor is at least 16 bytes, so the area bounds the walk anyway.</summary>
    private const int MaxDescriptors = 4096;

    private static readonly string[] Kinds = ["property", "hashtree", "hash", "kernel_cmdline", "chain_partition"];

    public static AvbDescriptors Walk(ReadOnlySpan<byte> area)
    {
        var byKind = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var at = 0;
        for (var count = 0; at < area.Length; count++)
        {
            if (count == MaxDescriptors)
            {
                return new(byKind, string.Create(CultureInfo.InvariantCulture, $"more than {MaxDescriptors} descriptors; the rest were not read"));
            }

            if (area.Length - at < 16)
            {
                return new(byKind, string.Create(CultureInfo.InvariantCulture, $"a descriptor header at {at} is cut off by the end of the descriptors area"));
            }

            var tag = BinaryPrimitives.ReadUInt64BigEndian(area[at..]);
            var length = BinaryPrimitives.ReadUInt64BigEndian(area[(at + 8)..]);
            if (length % 8 != 0 || length > (ulong)(area.Length - at - 16))
            {
                return new(byKind, string.Create(CultureInfo.InvariantCulture, $"descriptor {count} claims {length} bytes, past the end of the descriptors area or not a multiple of 8"));
            }

            var body = area.Slice(at + 16, (int)length);
            var kind = tag < (ulong)Kinds.Length ? Kinds[tag] : string.Create(CultureInfo.InvariantCulture, $"tag {tag}");
            if (!byKind.TryGetValue(kind, out var names))
            {
                byKind[kind] = names = [];
            }

            names.Add(PartitionName(tag, body));

            at += 16 + (int)length;
        }

        return new(byKind, null);
    }

    /// <summary>"2 hash (boot, dtbo), 1 kernel_cmdline" for the report.</summary>
    public string Describe() => ByKind.Count == 0 ? "none" : string.Join(", ", ByKind.Select(k => string.Create(CultureInfo.InvariantCulture,
        $"{k.Value.Count} {k.Key}{(k.Value.Any(n => n.Length > 0) ? $" ({string.Join(", ", k.Value.Where(n => n.Length > 0))})" : string.Empty)}")));

    /// <summary>
    /// The partition a descriptor is for: the name length sits at a fixed place in the body of hashtree (88), hash
    /// (40) and chain_partition (4) descriptors, the name right after their fixed fields (164, 116, 76 bytes).
    /// Empty for other kinds and for a name that does not fit.
    /// </summary>
    private static string PartitionName(ulong tag, ReadOnlySpan<byte> body)
    {
        (int LengthAt, int NameAt)? layout = tag switch
        {
            1 => (88, 164),
            2 => (40, 116),
            4 => (4, 76),
            _ => null,
        };
        if (layout is not { } l || body.Length < l.NameAt)
        {
            return string.Empty;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body[l.LengthAt..]);
        if (length > 64 || length > body.Length - l.NameAt)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var b in body.Slice(l.NameAt, (int)length))
        {
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return sb.ToString();
    }
}
