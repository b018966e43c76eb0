using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>An artifact's bytes in a file on disk, opened read-only and shared, so the user's input is never altered.</summary>
internal sealed class FileContent(string path) : IArtifactContent
{
    public string? LocalPath => path;

    public Stream OpenRead() =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.SequentialScan);
}
