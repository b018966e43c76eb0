using System.Globalization;
using System.Text;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// Reads a plain device-tree blob (DTB) into one text entry, <c>device-tree.dts</c>, that content rules can search
/// (compatible strings, <c>/chosen</c> boot arguments, U-Boot <c>/signature</c> keys). Trees with an <c>/images</c>
/// node are FIT images and are left to <see cref="FitReader"/>.
/// </summary>
public sealed class DeviceTreeReader : IFormatReader
{
    /// <summary>Characters of rendered source; a real DTB renders to well under a megabyte.</summary>
    public const int MaxRenderedChars = 8 << 20;

    private const string Name = "fdt";

    public string Format => Name;

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new([0xD0, 0x0D, 0xFE, 0xED])];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        try
        {
            var header = FdtHeader.TryParse(head, available, out _);
            if (header is null || FitReader.LooksLikeFit(head, header) == true)
            {
                return null;
            }

            return new FormatMatch(header.TotalSize, string.Create(CultureInfo.InvariantCulture,
                $"flattened device tree v{header.Version}, {header.TotalSize} bytes"));
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
        var rendering = DeviceTreeSourceWriter.Render(tree, MaxRenderedChars);
        if (rendering.Truncated)
        {
            context.Warn($"fdt: the rendered tree was cut at {MaxRenderedChars} characters");
        }

        var bytes = Encoding.UTF8.GetBytes(rendering.Text);
        return
        [
            new UnpackedEntry
            {
                Path = "device-tree.dts",
                Type = EntryType.File,
                Size = bytes.Length,
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"device-tree source rendered from a {tree.Header.TotalSize}-byte DTB ({tree.NodeCount} nodes, {tree.PropertyCount} properties)"),
                Open = () => new MemoryStream(bytes, writable: false),
            },
        ];
    }
}
