using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Content of a zero-length entry. Such entries are never opened: .NET cannot tell an empty file from a FIFO or a
/// device node, and opening a FIFO blocks, reading a device may never end.
/// </summary>
internal sealed class EmptyContent : IArtifactContent
{
    public static EmptyContent Instance { get; } = new();

    public Stream OpenRead() => new MemoryStream([], writable: false);
}
