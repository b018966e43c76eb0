using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>How FIT subnodes are named: <c>hash</c>, <c>hash-1</c> or <c>hash@1</c> (older mkimage), likewise <c>signature</c>.</summary>
internal static class FitNodes
{
    public static IEnumerable<FdtNode> Hashes(FdtNode node) => Of(node, "hash");

    public static IEnumerable<FdtNode> Signatures(FdtNode node) => Of(node, "signature");

    /// <summary>A string property, or null when absent or not a single printable string.</summary>
    public static string? Text(FdtNode node, string property) => node.GetProperty(property)?.AsString();

    private static IEnumerable<FdtNode> Of(FdtNode node, string kind) =>
        node.Children.Where(c => c.Name == kind
            || c.Name.StartsWith(kind + "-", StringComparison.Ordinal)
            || c.Name.StartsWith(kind + "@", StringComparison.Ordinal));
}
