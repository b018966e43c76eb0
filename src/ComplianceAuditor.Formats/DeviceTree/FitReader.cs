using System.Globalization;
using System.Text;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// Reads U-Boot FIT images (a device tree with an <c>/images</c> node): one entry per image node with its payload,
/// embedded in the tree (<c>data</c>) or stored after it (<c>data-offset</c> / <c>data-position</c> with
/// <c>data-size</c>), plus <c>fit-description.txt</c>, a text rendering of the images, hashes, signatures and
/// configurations for content rules. Signatures are described, not verified.
/// </summary>
public sealed class FitReader : IFormatReader
{
    public const string DescriptionFileName = "fit-description.txt";

    private const string Name = "fit";

    /// <summary>Bytes of a hash or signature value shown in the description; a 4096-bit signature is 512.</summary>
    private const int MaxShownValueBytes = 1024;

    public string Format => Name;

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new([0xD0, 0x0D, 0xFE, 0xED])];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        try
        {
            var header = FdtHeader.TryParse(head, available, out _);
            if (header is null || LooksLikeFit(head, header) != true)
            {
                return null;
            }

            long? length = header.TotalSize;
            var images = 0;
            if (header.TotalSize <= head.Length)
            {
                // The whole tree is visible, so external data can be located and counted into the length.
                var tree = FlattenedDeviceTree.Parse(head[..(int)header.TotalSize].ToArray());
                foreach (var image in tree.FindNode("/images")?.Children ?? [])
                {
                    images++;
                    try
                    {
                        if (Locate(image, header, available) is { External: true } data)
                        {
                            length = Math.Max(length.Value, data.Offset + data.Length);
                        }
                    }
                    catch (UnpackException)
                    {
                        // Still a FIT, but damaged: Read reports the image whose data is missing.
                    }
                }
            }

            return new FormatMatch(length, string.Create(CultureInfo.InvariantCulture,
                $"FIT image (flattened device tree v{header.Version}){(images > 0 ? $", {images} images" : string.Empty)}"));
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
        var tree = FlattenedDeviceTree.Parse(source, cancellationToken: context.CancellationToken);
        var images = tree.FindNode("/images") ?? throw Fail.Malformed(Name, $"the tree has no /images node");
        return ReadCore(source, tree, images, context);
    }

    /// <summary>True when the tree has an <c>/images</c> node, false when it has not, null when the head is too short to tell.</summary>
    internal static bool? LooksLikeFit(ReadOnlySpan<byte> head, FdtHeader header)
    {
        if (header.TotalSize > head.Length)
        {
            return FlattenedDeviceTree.HasTopLevelNode(head, header, "images");
        }

        try
        {
            return FlattenedDeviceTree.Parse(head[..(int)header.TotalSize].ToArray()).Root.GetChild("images") is not null;
        }
        catch (UnpackException)
        {
            return false;
        }
    }

    private static IEnumerable<UnpackedEntry> ReadCore(UnpackSource source, FlattenedDeviceTree tree, FdtNode images, UnpackContext context)
    {
        var text = Encoding.UTF8.GetBytes(Describe(tree));
        yield return new UnpackedEntry
        {
            Path = DescriptionFileName,
            Type = EntryType.File,
            Size = text.Length,
            Description = "FIT images, hashes, signatures and configurations as text",
            Open = () => new MemoryStream(text, writable: false),
        };

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in images.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var data = Locate(image, tree.Header, source.Length);
            if (data is null)
            {
                context.Warn($"fit: image '{image.Name}' has no data property; skipped");
                continue;
            }

            var compression = image.GetProperty("compression")?.AsString() ?? "none";
            var type = image.GetProperty("type")?.AsString();
            var extension = compression switch
            {
                "gzip" => ".gz",
                "bzip2" => ".bz2",
                "lzma" => ".lzma",
                "lzo" => ".lzo",
                "lz4" => ".lz4",
                "zstd" => ".zst",
                _ when type == "flat_dt" => ".dtb",
                _ => ".bin",
            };
            var name = EntryNames.Unique(used, EntryNames.Sanitise(image.Name, "image") + extension, "dup");
            var slice = source.Slice(data.Value.Offset, data.Value.Length);
            var load = image.GetProperty("load")?.AsAddress();
            yield return new UnpackedEntry
            {
                Path = "images/" + name,
                Type = EntryType.File,
                Size = slice.Length,
                Offset = data.Value.Offset,
                LoadAddress = load is { } l && l <= long.MaxValue ? (long)l : null,
                Description = DescribeImage(image, compression, data.Value.External),
                Open = slice.OpenStream,
            };
        }
    }

    /// <summary>Where an image's payload is, checked against the end of the data; null when the node has no payload.</summary>
    private static (long Offset, long Length, bool External)? Locate(FdtNode image, FdtHeader header, long available)
    {
        if (image.GetProperty("data") is { } embedded)
        {
            return (embedded.ValueOffset, embedded.Length, false);
        }

        var size = image.GetProperty("data-size")?.AsUInt32();
        var offset = image.GetProperty("data-offset")?.AsUInt32();
        var position = image.GetProperty("data-position")?.AsUInt32();
        if (size is null || (offset is null && position is null))
        {
            return null;
        }

        // data-offset counts from the end of the tree rounded up to 4 bytes; data-position from the start of the FIT.
        long start = position ?? (((header.TotalSize + 3L) & ~3L) + offset!.Value);
        if (start > available || size.Value > available - start)
        {
            throw Fail.Malformed(Name, $"image '{image.Name}' has external data at 0x{start:x} ({size.Value} bytes), past the end of the {available}-byte image");
        }

        return (start, size.Value, true);
    }

    private static string DescribeImage(FdtNode image, string compression, bool external)
    {
        var parts = new List<string>();
        foreach (var key in new[] { "type", "arch", "os" })
        {
            if (image.GetProperty(key)?.AsString() is { } value)
            {
                parts.Add($"{key} {value}");
            }
        }

        parts.Add($"compression {compression}");
        if (external)
        {
            parts.Add("external data");
        }

        var hashes = SubnodeSummary(image, "hash");
        var signatures = SubnodeSummary(image, "signature");
        parts.Add(hashes.Count > 0 ? $"hashes {string.Join(' ', hashes)}" : "no hash");
        parts.Add(signatures.Count > 0 ? $"signatures {string.Join(' ', signatures)}" : "no signature");
        return $"FIT image '{image.Name}': {string.Join(", ", parts)}";
    }

    private static List<string> SubnodeSummary(FdtNode node, string kind) =>
        node.Children.Where(c => IsKind(c, kind))
            .Select(c => c.GetProperty("algo")?.AsString() is { } algo ? $"{c.Name}({algo})" : c.Name)
            .ToList();

    private static bool IsKind(FdtNode node, string kind) =>
        node.Name == kind || node.Name.StartsWith(kind + "-", StringComparison.Ordinal) || node.Name.StartsWith(kind + "@", StringComparison.Ordinal);

    /// <summary>
    /// The description file: a summary first (what rules usually ask: is anything signed, which configuration
    /// boots), then every image and configuration node with its properties, one <c>name: value</c> per line.
    /// </summary>
    private static string Describe(FlattenedDeviceTree tree)
    {
        var sb = new StringBuilder();
        var images = tree.FindNode("/images")?.Children ?? [];
        var configurations = tree.FindNode("/configurations");
        var configs = configurations?.Children ?? [];
        var signedImages = images.Count(i => i.Children.Any(c => IsKind(c, "signature")));
        var hashedImages = images.Count(i => i.Children.Any(c => IsKind(c, "hash")));
        var signedConfigs = configs.Count(c => c.Children.Any(s => IsKind(s, "signature")));
        sb.Append("summary:\n");
        sb.Append(CultureInfo.InvariantCulture, $"  images: {images.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  images-with-hash: {hashedImages}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  images-with-signature: {signedImages}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  configurations: {configs.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  configurations-with-signature: {signedConfigs}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  default-configuration: {configurations?.GetProperty("default")?.AsString() ?? "(none)"}\n");
        sb.Append("fit:\n");
        AppendProperties(sb, tree.Root, 1);
        sb.Append("images:\n");
        foreach (var image in images)
        {
            AppendNode(sb, image, 1);
        }

        sb.Append("configurations:\n");
        if (configurations is not null)
        {
            AppendProperties(sb, configurations, 1);
            foreach (var config in configs)
            {
                AppendNode(sb, config, 1);
            }
        }

        return sb.ToString();
    }

    private static void AppendNode(StringBuilder sb, FdtNode node, int level)
    {
        sb.Append(' ', level * 2).Append(node.Name).Append(":\n");
        AppendProperties(sb, node, level + 1);

        // Below an image or configuration only hash, signature and cipher nodes live; their depth is small but
        // bounded here all the same, since the tree is input.
        if (level < 4)
        {
            foreach (var child in node.Children)
            {
                AppendNode(sb, child, level + 1);
            }
        }
    }

    private static void AppendProperties(StringBuilder sb, FdtNode node, int level)
    {
        foreach (var p in node.Properties)
        {
            sb.Append(' ', level * 2).Append(p.Name).Append(": ");
            if (p.Name == "data")
            {
                sb.Append(CultureInfo.InvariantCulture, $"{p.Length} bytes embedded at 0x{p.ValueOffset:x}");
            }
            else if (p.Name is "load" or "entry" or "data-offset" or "data-position" && p.AsAddress() is { } address)
            {
                sb.Append(CultureInfo.InvariantCulture, $"0x{address:x}");
            }
            else if (p.Name is "data-size" or "timestamp" && p.AsUInt32() is { } number)
            {
                sb.Append(number.ToString(CultureInfo.InvariantCulture));
            }
            else if (p.Name == "value" && p.IsValueLoaded)
            {
                var span = p.Value.Span;
                sb.Append(Convert.ToHexStringLower(span[..Math.Min(span.Length, MaxShownValueBytes)]));
                if (span.Length > MaxShownValueBytes)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" (first {MaxShownValueBytes} of {span.Length} bytes)");
                }
            }
            else if (p.Length == 0)
            {
                sb.Append("true");
            }
            else if (p.AsStringList() is { } strings)
            {
                sb.AppendJoin(", ", strings.Select(s => "\"" + s + "\""));
            }
            else
            {
                DeviceTreeSourceWriter.AppendValue(sb, p);
            }

            sb.Append('\n');
        }
    }
}
