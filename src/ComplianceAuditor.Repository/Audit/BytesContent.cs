using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// Content held in memory: history items are read from the object database while the walk is at their commit, and the
/// checks run later on other threads, when the repository's streams can no longer be used.
/// </summary>
internal sealed class BytesContent(byte[] bytes) : IArtifactContent
{
    public Stream OpenRead() => new MemoryStream(bytes, writable: false);
}
