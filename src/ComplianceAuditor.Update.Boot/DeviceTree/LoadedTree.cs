using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Boot.DeviceTree;

/// <summary>A device tree read from untrusted bytes: its header, and the tree or why it could not be read.</summary>
/// <param name="Header">The validated header (every block inside <c>totalsize</c>, <c>totalsize</c> inside the bytes).</param>
/// <param name="Tree">The parsed tree, or null when <paramref name="Problem"/> says why not.</param>
internal sealed record LoadedTree(FdtHeader Header, FlattenedDeviceTree? Tree, string? Problem)
{
    /// <summary>The limits for boot trees: tighter than the parser's defaults, still far above any FIT or control DTB.</summary>
    public static FdtLimits Limits { get; } = new()
    {
        MaxDepth = FdtPathBudget.MaxDepth,
        MaxNodes = 20_000,
        MaxProperties = 200_000,
        MaxLoadedBytes = 16L << 20,
    };

    /// <summary>The tree at the start of <paramref name="bytes"/>, or null when they do not start with a valid FDT header.</summary>
    public static LoadedTree? Load(ReadOnlyMemory<byte> bytes)
    {
        var header = FdtHeader.TryParse(bytes.Span, bytes.Length, out _);
        if (header is null)
        {
            return null;
        }

        if (FdtPathBudget.Check(bytes.Span, header) is { } tooLarge)
        {
            return new LoadedTree(header, null, tooLarge);
        }

        try
        {
            return new LoadedTree(header, FlattenedDeviceTree.Parse(bytes[..(int)header.TotalSize], Limits), null);
        }
        catch (UnpackException e)
        {
            return new LoadedTree(header, null, e.Message);
        }
    }
}
